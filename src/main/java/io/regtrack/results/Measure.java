package io.regtrack.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One measurement parsed from a tool's output. {@code value} or {@code samples} (samples: raw per-iteration values, at
 * least 2), never both null. {@code parts} may be empty, never null; it keeps the order it was given in.
 *
 * @param kind {@code runtime} (seconds), {@code instructions} and other event counts ({@code count}), {@code throughput}
 *     (bigger is better, the tool's unit), {@code size} (bytes), or a custom kind
 * @param name the benchmark's name, 1..200 characters
 * @param unit the unit of {@code value} and {@code samples}
 */
public record Measure(
        String kind, String name, String unit, Double value, List<Double> samples, Map<String, Double> parts) {

    public Measure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        if (value == null && samples == null) {
            throw new IllegalArgumentException("a measure needs a value or samples");
        }
        if (samples != null && samples.size() < 2) {
            throw new IllegalArgumentException("samples need at least 2 values; give one value as value");
        }
        samples = samples == null ? null : List.copyOf(samples);
        parts = parts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }
}
