package io.regtrack.embeddedpg;

import io.zonky.test.db.postgres.util.ArchUtils;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries for this platform, unpacked once from the archive that ships in a
 * Maven artifact into a directory named by the archive and the artifact's version, so that a start
 * with the binaries already unpacked reads nothing but a marker file. Processes that unpack at the
 * same time take turns through a file lock; a directory is used only once its unpacking has
 * completed.
 */
final class PostgresBinaries {

    private static final String COMPLETE = ".complete";
    private static final Pattern VERSIONED_JAR = Pattern.compile("-(\\d+\\.\\d+\\.\\d+)\\.jar!/");

    private PostgresBinaries() {}

    /** The {@code bin} directory holding {@code initdb} and {@code postgres}. */
    static Path install(Path cacheDir) throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String system =
                os.startsWith("mac") || os.startsWith("darwin") ? "darwin" : os.startsWith("win") ? "windows" : "linux";
        String arch = ArchUtils.normalize(System.getProperty("os.arch"));
        String name = "postgres-" + system + "-" + arch;
        URL archive = PostgresBinaries.class.getResource("/" + name + ".txz");
        if (archive == null) {
            throw new IOException("This build carries no PostgreSQL binaries for " + system + " " + arch
                    + " (it was built with -Dexternal-db, or for other systems): set QUARKUS_DATASOURCE_JDBC_URL "
                    + "to your PostgreSQL");
        }
        Path home = cacheDir.resolve(name + "-" + version(archive));
        Files.createDirectories(cacheDir);
        try (FileChannel channel = FileChannel.open(
                        cacheDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (!Files.exists(home.resolve(COMPLETE))) {
                try (InputStream in = archive.openStream()) {
                    unpack(in, home);
                }
                Files.createFile(home.resolve(COMPLETE));
            }
        }
        return home.resolve("bin");
    }

    /** The version of the artifact holding the archive, or a digest of where it is when it has none. */
    private static String version(URL archive) {
        Matcher versioned = VERSIONED_JAR.matcher(archive.toString());
        if (versioned.find()) {
            return versioned.group(1);
        }
        try {
            byte[] where = archive.toString().getBytes(StandardCharsets.UTF_8);
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(where))
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void unpack(InputStream archive, Path home) throws IOException {
        if (Files.exists(home)) {
            deleteTree(home); // an unpacking that was interrupted
        }
        Files.createDirectories(home);
        try (TarArchiveInputStream tar =
                new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(archive)))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path target = home.resolve(entry.getName()).normalize();
                if (!target.startsWith(home)) {
                    throw new IOException("Archive entry outside its directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(target.getParent());
                    Files.deleteIfExists(target);
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(target.getParent());
                    try (OutputStream out = Files.newOutputStream(target)) {
                        tar.transferTo(out);
                    }
                    if ((entry.getMode() & 0100) != 0) {
                        target.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
