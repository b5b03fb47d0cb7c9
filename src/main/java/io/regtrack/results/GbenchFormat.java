package io.regtrack.results;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Google Benchmark's {@code --benchmark_format=json} (or {@code --benchmark_out}): {@code {"context": {...},
 * "benchmarks": [{"name", "run_name", "run_type": "iteration"|"aggregate", "aggregate_name"?, "repetitions",
 * "repetition_index", "iterations", "real_time", "cpu_time", "time_unit"}]}}.
 *
 * <p>One {@code runtime} measure per {@code run_name} (e.g. {@code BM_Sort/1024}), from {@code real_time} in seconds:
 * the repetitions' iteration runs are the samples (one run: the value). Aggregates ({@code mean}, {@code median},
 * {@code stddev}, {@code cv}, {@code BigO}, ...) are skipped, except that a benchmark reported only by its aggregates
 * ({@code --benchmark_report_aggregates_only}) takes its {@code mean} as the value. A run that reported an error
 * ({@code "error_occurred": true}) makes the attachment malformed.
 */
final class GbenchFormat {

    private GbenchFormat() {}

    private static final class Group {
        final String place;
        final List<Double> runs = new ArrayList<>();
        Double mean;

        Group(String place) {
            this.place = place;
        }
    }

    static List<Parsed> read(Node root) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Node b : root.get("benchmarks").nonEmptyItems()) {
            if (b.find("error_occurred").map(e -> e.json().asBoolean()).orElse(false)) {
                String why = b.find("error_message").map(m -> m.json().asText()).orElse("");
                throw b.fail("the benchmark reported an error: " + ResultException.echo(why));
            }
            String runName = b.find("run_name").orElseGet(() -> b.get("name")).name();
            String runType = b.find("run_type").map(Node::string).orElse("iteration");
            Group group = groups.computeIfAbsent(runName, n -> new Group(b.place()));
            switch (runType) {
                case "iteration" -> {
                    b.get("iterations").positive(); // a run of zero iterations measured nothing
                    group.runs.add(seconds(b));
                }
                case "aggregate" -> {
                    if ("mean".equals(b.get("aggregate_name").string())) {
                        group.mean = seconds(b);
                    }
                }
                default -> throw b.get("run_type").fail("expected \"iteration\" or \"aggregate\"");
            }
        }
        List<Parsed> found = new ArrayList<>();
        groups.forEach((name, group) -> {
            if (!group.runs.isEmpty()) {
                found.add(Parsed.of(group.place, "runtime", name, "seconds", group.runs));
            } else if (group.mean != null) {
                found.add(Parsed.value(group.place, "runtime", name, "seconds", group.mean));
            } else {
                throw new ResultException(group.place, "no iteration runs and no mean aggregate");
            }
        });
        return found;
    }

    private static double seconds(Node b) {
        double time = b.get("real_time").number();
        Node unit = b.get("time_unit");
        OptionalDouble perSecond = Seconds.perSecond(unit.string());
        if (perSecond.isEmpty()) {
            throw unit.fail("expected ns, us, ms or s");
        }
        return time / perSecond.getAsDouble();
    }
}
