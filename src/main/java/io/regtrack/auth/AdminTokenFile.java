package io.regtrack.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The file that hands the generated admin token to the operator: created new, mode 0600, in a
 * directory only this account may enter when regtrack creates it. Log collectors never see it.
 */
final class AdminTokenFile {

    private AdminTokenFile() {}

    static Path resolve(String configured) {
        return Path.of(configured.replaceFirst("^~(?=/|$)", System.getProperty("user.home")))
                .toAbsolutePath()
                .normalize();
    }

    /** Writes the token; a file already there is replaced only after the new one is complete. */
    static void write(Path file, String token) {
        try {
            Path dir = file.getParent();
            if (!Files.exists(dir)) {
                Files.createDirectories(
                        dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            Path fresh = dir.resolve(file.getFileName() + ".new");
            Files.deleteIfExists(fresh);
            Files.createFile(fresh, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(fresh, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Could not write the admin token to " + file
                            + "; make its directory writable, set REGTRACK_AUTH_ADMIN_TOKEN_FILE, or choose a token with "
                            + "REGTRACK_AUTH_ADMIN_TOKEN",
                    e);
        }
    }
}
