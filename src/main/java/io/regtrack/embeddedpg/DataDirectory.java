package io.regtrack.embeddedpg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL data directory as regtrack keeps it: created by {@code initdb} with a superuser
 * whose random password is kept in {@code regtrack.password} (mode 0600) inside it, and a
 * {@code pg_hba.conf} that admits password (SCRAM) connections over loopback only. A directory
 * created by an older regtrack without a password is given one, in single-user mode, before the
 * server accepts any connection.
 */
final class DataDirectory {

    static final String SUPERUSER = "postgres";
    private static final Logger LOG = Logger.getLogger(DataDirectory.class);
    private static final String PASSWORD_FILE = "regtrack.password";
    private static final String HBA =
            "# Written by regtrack at every start: password (SCRAM) connections over loopback only.\n"
                    + "local all all scram-sha-256\n"
                    + "host all all 127.0.0.1/32 scram-sha-256\n"
                    + "host all all ::1/128 scram-sha-256\n";

    private final Path path;
    private final Path bin;

    DataDirectory(Path path, Path bin) {
        this.path = path.toAbsolutePath().normalize();
        this.bin = bin;
    }

    Path path() {
        return path;
    }

    Path bin() {
        return bin;
    }

    /** The server's own log, beside the data. */
    Path log() {
        return path.resolveSibling(path.getFileName() + ".log");
    }

    boolean isInitialised() {
        return Files.exists(path.resolve("PG_VERSION"));
    }

    /** Creates the cluster if there is none, and makes sure it has a password and locked-down access. */
    void prepare() throws IOException {
        if (!isInitialised()) {
            initdb();
        } else if (!Files.exists(path.resolve(PASSWORD_FILE))) {
            setPasswordOfOlderDirectory();
        }
        Files.writeString(path.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
    }

    String password() throws IOException {
        return readPassword(path);
    }

    static String readPassword(Path dataDir) throws IOException {
        return Files.readString(dataDir.resolve(PASSWORD_FILE), StandardCharsets.UTF_8)
                .trim();
    }

    /** The process id in {@code postmaster.pid}, if the file is there. */
    Optional<Long> postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(path.resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void initdb() throws IOException {
        PostgresBinaries.deleteTree(path); // a directory left by an initdb that did not finish
        Files.createDirectories(path.getParent());
        Path pwfile = secretFile(path.resolveSibling(path.getFileName() + ".password.new"));
        try {
            ServerCommand.run(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            path.toString(),
                            "-U",
                            SUPERUSER,
                            "--auth=scram-sha-256",
                            "--pwfile=" + pwfile,
                            "-E",
                            "UTF8",
                            "--locale=C",
                            "--no-instructions"),
                    null);
            Files.move(pwfile, path.resolve(PASSWORD_FILE));
        } finally {
            Files.deleteIfExists(pwfile);
        }
        LOG.infof("Created a PostgreSQL data directory in %s", path);
    }

    /** Single-user mode takes no connections, so no one can use the old open access meanwhile. */
    private void setPasswordOfOlderDirectory() throws IOException {
        Path pwfile = secretFile(path.resolveSibling(path.getFileName() + ".password.new"));
        try {
            String password = Files.readString(pwfile).trim();
            List<String> command =
                    List.of(bin.resolve("postgres").toString(), "--single", "-D", path.toString(), "postgres");
            ServerCommand.run(command, "ALTER ROLE " + SUPERUSER + " PASSWORD '" + password + "';\n");
            Files.move(pwfile, path.resolve(PASSWORD_FILE));
        } finally {
            Files.deleteIfExists(pwfile);
        }
        LOG.infof("The PostgreSQL data directory %s now requires a password (kept in %s)", path, PASSWORD_FILE);
    }

    /** A new file readable by its owner only, holding a random password. */
    private static Path secretFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8);
        return file;
    }
}
