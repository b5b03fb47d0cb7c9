package io.regtrack.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The history files kept under {@code src/test/resources/import/} (their origins are in its README). */
public final class HistoryFiles {

    /** github-action-benchmark's data.js of rust-shogi-crates/shogi_core, as published. */
    public static final String SHOGI = "shogi_core-data.js";

    /** A Bencher perf export in the documented shape. */
    public static final String BENCHER = "bencher-perf.json";

    private HistoryFiles() {}

    public static String text(String name) {
        try (InputStream in = HistoryFiles.class.getResourceAsStream("/import/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no history file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JSON of a data.js: the text after {@code window.BENCHMARK_DATA = }. */
    public static String json(String name) {
        String text = text(name);
        return text.substring(text.indexOf('{'));
    }
}
