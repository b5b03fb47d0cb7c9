package io.regtrack.reliability;

import java.time.Instant;

/** Run uploads as a CI job sends them, numbered: commit {@code n} is the hex of {@code n}. */
final class Uploads {

    private Uploads() {}

    /** Commit {@code n} with two sizes, {@code app} of {@code size} bytes. */
    static String run(int n, String key, long size) {
        return at(n, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), key, size);
    }

    static String at(int n, Instant committedAt, String key, long size) {
        return String.format(
                "{\"commit\":\"%040x\",\"branch\":\"main\",\"committedAt\":\"%s\",\"idempotencyKey\":\"%s\","
                        + "\"measurements\":[{\"kind\":\"size\",\"name\":\"app\",\"value\":%d},"
                        + "{\"kind\":\"size\",\"name\":\"cli\",\"value\":100000}]}",
                n, committedAt, key, size);
    }

    /** One job of a tag's build matrix: the tagged commit under one profile. */
    static String tagged(int n, String tag, String profile, String key) {
        return String.format(
                "{\"commit\":\"%040x\",\"branch\":\"main\",\"tag\":\"%s\",\"committedAt\":\"2026-02-01T00:00:00Z\","
                        + "\"idempotencyKey\":\"%s\",\"profile\":{\"name\":\"%s\"},"
                        + "\"measurements\":[{\"kind\":\"size\",\"name\":\"app\",\"value\":200000}]}",
                n, tag, key, profile);
    }

    /** A heavier upload (many measurements), so that it is still in flight a moment after it is sent. */
    static String heavy(int n, String key, int measurements) {
        StringBuilder body = new StringBuilder(String.format(
                "{\"commit\":\"%040x\",\"branch\":\"main\",\"committedAt\":\"%s\",\"idempotencyKey\":\"%s\","
                        + "\"measurements\":[",
                n, Instant.parse("2026-01-01T00:00:00Z").plusSeconds(n), key));
        for (int m = 0; m < measurements; m++) {
            body.append(m == 0 ? "" : ",")
                    .append(String.format("{\"kind\":\"size\",\"name\":\"bin-%d\",\"value\":%d}", m, 100_000 + n + m));
        }
        return body.append("]}").toString();
    }
}
