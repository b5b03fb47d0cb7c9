package io.regtrack.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bencher Metric Format: {@code {"<benchmark>": {"<measure slug>": {"value", "lower_value"?, "upper_value"?}}}}.
 *
 * <p>Bencher's built-in measures keep their meaning: {@code latency} (ns) is {@code runtime} in seconds, {@code
 * throughput} is {@code throughput} in {@code ops/s}, {@code file-size} is {@code size} in bytes and {@code
 * instructions} is an {@code instructions} count, {@code build-time} is in seconds, and the Callgrind measures
 * ({@code cycles}, {@code l1-accesses}, …) are exact counts. Any other slug becomes the kind itself, counted in its own
 * name ({@code 12 allocations}); it must be a valid kind, and must not be one of regtrack's own kinds (whose units are
 * fixed).
 */
final class BmfFormat {

    private record Builtin(String kind, String unit, double divisor) {}

    /** Bencher's built-in measures and the units its adapters write them in. */
    private static final Map<String, Builtin> BUILTIN = Map.ofEntries(
            Map.entry("latency", new Builtin("runtime", "seconds", 1e9)),
            Map.entry("throughput", new Builtin("throughput", "ops/s", 1)),
            Map.entry("file-size", new Builtin("size", "bytes", 1)),
            Map.entry("build-time", new Builtin("build-time", "seconds", 1)),
            Map.entry("instructions", new Builtin("instructions", "count", 1)),
            Map.entry("cycles", new Builtin("cycles", "count", 1)),
            Map.entry("estimated-cycles", new Builtin("estimated-cycles", "count", 1)),
            Map.entry("l1-accesses", new Builtin("l1-accesses", "count", 1)),
            Map.entry("l2-accesses", new Builtin("l2-accesses", "count", 1)),
            Map.entry("ram-accesses", new Builtin("ram-accesses", "count", 1)),
            Map.entry("total-accesses", new Builtin("total-accesses", "count", 1)));

    private static final Set<String> RESERVED = Set.of("runtime", "size");

    private BmfFormat() {}

    static List<Parsed> read(Node root) {
        List<Map.Entry<String, Node>> benchmarks = root.fields();
        if (benchmarks.isEmpty()) {
            throw root.fail("no benchmarks");
        }
        List<Parsed> found = new ArrayList<>();
        for (var benchmark : benchmarks) {
            String name = benchmark.getKey();
            Node measures = benchmark.getValue();
            if (name.isBlank()) {
                throw measures.fail("a benchmark name must not be blank");
            }
            if (measures.fields().isEmpty()) {
                throw measures.fail("no measures");
            }
            for (var measure : measures.fields()) {
                found.add(read(name, measure.getKey(), measure.getValue()));
            }
        }
        return found;
    }

    private static Parsed read(String name, String slug, Node metric) {
        double value = metric.get("value").number();
        metric.find("lower_value").ifPresent(Node::number);
        metric.find("upper_value").ifPresent(Node::number);
        Builtin builtin = BUILTIN.get(slug);
        if (builtin != null) {
            return Parsed.value(metric.place(), builtin.kind(), name, builtin.unit(), value / builtin.divisor());
        }
        if (!Names.KIND.matcher(slug).matches()) {
            throw metric.fail("a measure slug must match " + Names.KIND.pattern() + ": " + ResultException.echo(slug));
        }
        if (RESERVED.contains(slug)) {
            throw metric.fail("measure \"" + slug + "\" is reserved; use latency or file-size");
        }
        return Parsed.value(metric.place(), slug, name, slug, value); // measured in its own name: "12 allocations"
    }
}
