package io.regtrack.imports;

import io.regtrack.results.Node;
import io.regtrack.results.ResultException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the history another benchmark tracker kept into runs to import: github-action-benchmark's {@code data.js}
 * ({@code gab}) or Bencher's perf export ({@code bencher}). The whole file is read before anything is stored, so a
 * malformed file is refused as a whole, with the place that is wrong.
 */
public final class Imports {

    /** The formats known, in the wire spelling. */
    public static final List<String> FORMATS = List.of("gab", "bencher");

    private Imports() {}

    /**
     * Reads one history file.
     *
     * @param format one of {@link #FORMATS}
     * @param text the file as the tool wrote it
     * @return its runs, oldest first, and what was left out
     * @throws ResultException when the file is malformed: its place is a JSON pointer into the file, or empty for the
     *     file as a whole
     */
    public static History read(String format, String text) {
        Node root = JsonText.read(text);
        return switch (format) {
            case "gab" -> GabHistory.read(root);
            case "bencher" -> BencherHistory.read(root);
            default -> throw new IllegalArgumentException("unknown format " + format);
        };
    }

    /**
     * The idempotency key of an imported run: {@code import-<format>-<source>-<commit>}, where the source (a suite, a
     * branch and testbed) is replaced by the start of its SHA-256 when the key would be too long.
     */
    static String key(String format, String source, String commit) {
        String key = "import-" + format + "-" + source + "-" + commit;
        if (key.length() <= ImportedRun.MAX_KEY) {
            return key;
        }
        return "import-" + format + "-" + sha256(source).substring(0, 16) + "-" + commit;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
