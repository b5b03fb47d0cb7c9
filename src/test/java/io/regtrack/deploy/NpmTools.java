package io.regtrack.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.regtrack.testing.Tools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/** The npm packages pinned in package-lock.json, installed when missing or older than it. */
final class NpmTools {

    private NpmTools() {}

    static synchronized void install() throws Exception {
        Tools.require("npm");
        FileTime locked = Files.getLastModifiedTime(Path.of("package-lock.json"));
        Path installed = Path.of("node_modules", ".package-lock.json");
        if (!Files.exists(installed) || Files.getLastModifiedTime(installed).compareTo(locked) < 0) {
            Process ci = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .redirectErrorStream(true)
                    .start();
            String out = new String(ci.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(ci.waitFor(10, TimeUnit.MINUTES)).isTrue();
            assertThat(ci.exitValue()).as("npm ci:\n" + out).isZero();
        }
    }
}
