package io.regtrack.results;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * github-action-benchmark's custom JSON ({@code customSmallerIsBetter} / {@code customBiggerIsBetter}): an array of
 * {@code {"name", "unit", "value", "range"?, "extra"?}}. The content is either {@code {"direction": "smaller"|"bigger",
 * "benchmarks": [...]}} or the array alone, which means smaller is better.
 *
 * <p>Smaller is better: a time unit ({@code ns}, {@code us}, {@code µs}, {@code ms}, {@code s}, also per iteration
 * or operation: {@code ns/iter}, {@code ns/op}) gives {@code runtime} in seconds, any other unit a {@code metric} in that unit. Bigger is better: {@code
 * throughput} in the given unit. {@code range} and {@code extra} are display text and are not read.
 */
final class GabFormat {

    /** Time per iteration (cargo bench, Google Benchmark through the action) or per operation (go test). */
    private static final List<String> PER = List.of("/iter", "/op");

    private GabFormat() {}

    static List<Parsed> read(Node root) {
        boolean bigger = false;
        Node benchmarks = root;
        if (root.isObject()) {
            Node direction = root.get("direction");
            bigger = switch (direction.string()) {
                case "smaller" -> false;
                case "bigger" -> true;
                default -> throw direction.fail("expected \"smaller\" or \"bigger\"");
            };
            benchmarks = root.get("benchmarks");
        }
        List<Parsed> found = new ArrayList<>();
        for (Node benchmark : benchmarks.nonEmptyItems()) {
            String name = benchmark.get("name").name();
            String unit = benchmark.get("unit").string();
            double value = benchmark.get("value").number();
            found.add(
                    bigger
                            ? Parsed.value(benchmark.place(), "throughput", name, unit, value)
                            : smaller(benchmark, name, unit, value));
        }
        return found;
    }

    private static Parsed smaller(Node benchmark, String name, String unit, double value) {
        String time = unit.strip();
        for (String per : PER) {
            if (time.endsWith(per)) {
                time = time.substring(0, time.length() - per.length());
                break;
            }
        }
        OptionalDouble perSecond = Seconds.perSecond(time);
        if (perSecond.isPresent()) {
            return Parsed.value(benchmark.place(), "runtime", name, "seconds", value / perSecond.getAsDouble());
        }
        return Parsed.value(benchmark.place(), "metric", name, unit, value);
    }
}
