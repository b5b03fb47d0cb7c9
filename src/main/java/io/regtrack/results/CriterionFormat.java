package io.regtrack.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One Criterion.rs benchmark, given as its files from {@code target/criterion/<id>/new/}: {@code {"sample":
 * <sample.json>, "estimates": <estimates.json>, "benchmark": <benchmark.json>}}.
 *
 * <ul>
 *   <li>{@code sample.json} is {@code {"sampling_mode": "Linear"|"Flat", "iters": [...], "times": [...]}}: each
 *       {@code times[i]} is the total nanoseconds of {@code iters[i]} iterations, so a sample is {@code times[i] /
 *       iters[i]} nanoseconds, given in seconds.
 *   <li>{@code estimates.json} is optional; without a sample its {@code median.point_estimate} (ns) is the value.
 *   <li>{@code benchmark.json} names the benchmark by {@code full_id} (e.g. {@code parse/small}); an attachment name
 *       replaces it. Its {@code throughput} ({@code {"Bytes": n}}, {@code {"BytesDecimal": n}}, {@code {"Elements":
 *       n}}, {@code {"ElementsAndBytes": {"elements", "bytes"}}}) adds a {@code throughput} measure in {@code bytes/s}
 *       or {@code elements/s}: n divided by the median time (the estimate's, else the samples').
 * </ul>
 */
final class CriterionFormat {

    private CriterionFormat() {}

    static List<Parsed> read(Node root) {
        Node benchmark = root.get("benchmark");
        String name = benchmark.get("full_id").name();
        Optional<Node> sample = root.find("sample");
        Optional<Double> median = root.find("estimates").map(CriterionFormat::medianEstimate);
        List<Double> values;
        if (sample.isPresent()) {
            values = perIteration(sample.get());
        } else if (median.isPresent()) {
            values = List.of(median.get());
        } else {
            throw new ResultException("", "needs \"sample\" (sample.json) or \"estimates\" (estimates.json)");
        }
        List<Parsed> found = new ArrayList<>();
        found.add(Parsed.of(benchmark.place(), "runtime", name, "seconds", values));
        double seconds = median.orElseGet(() -> median(values));
        benchmark.find("throughput").flatMap(CriterionFormat::throughput).ifPresent(t -> {
            if (seconds > 0) {
                found.add(Parsed.value(benchmark.place(), "throughput", name, t.unit(), t.amount() / seconds));
            }
        });
        return found;
    }

    private static List<Double> perIteration(Node sample) {
        sample.find("sampling_mode").ifPresent(mode -> {
            if (!List.of("Linear", "Flat").contains(mode.string())) {
                throw mode.fail("expected \"Linear\" or \"Flat\"");
            }
        });
        List<Node> iters = sample.get("iters").nonEmptyItems();
        List<Node> times = sample.get("times").nonEmptyItems();
        if (iters.size() != times.size()) {
            throw sample.fail("\"iters\" has " + iters.size() + " values but \"times\" has " + times.size());
        }
        List<Double> values = new ArrayList<>(times.size());
        for (int i = 0; i < times.size(); i++) {
            double nanos = times.get(i).number() / iters.get(i).positive();
            values.add(Seconds.fromNanos(nanos));
        }
        return values;
    }

    private record Throughput(String unit, double amount) {}

    private static Optional<Throughput> throughput(Node throughput) {
        for (var field : throughput.fields()) {
            Node n = field.getValue();
            switch (field.getKey()) {
                case "Bytes", "BytesDecimal":
                    return Optional.of(new Throughput("bytes/s", n.number()));
                case "Elements":
                    return Optional.of(new Throughput("elements/s", n.number()));
                case "ElementsAndBytes":
                    return Optional.of(
                            new Throughput("elements/s", n.get("elements").number()));
                default: // a kind this reader does not know yet: no throughput measure
            }
        }
        return Optional.empty();
    }

    /** The median estimate of estimates.json, in seconds. */
    private static double medianEstimate(Node estimates) {
        return Seconds.fromNanos(estimates.get("median").get("point_estimate").number());
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
