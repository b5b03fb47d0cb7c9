package io.regtrack.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * iai-callgrind's (now gungraun's) summary JSON, {@code --save-summary=json} or {@code --output-format=json}: one
 * {@code BenchmarkSummary} object per benchmark, or an array of them. Read from the schemas the project publishes
 * ({@code iai-callgrind-runner/schemas/summary.v3..v6.schema.json} in iai-callgrind/iai-callgrind, {@code
 * summary.v7.schema.json} in gungraun/gungraun). They nest the total event counts differently:
 *
 * <ul>
 *   <li>v3: {@code tool_summaries[].summaries.total.summary.CallgrindSummary.<event>.metrics}, counts as plain
 *       integers;
 *   <li>v4: {@code profiles[].summaries.total.summary.Callgrind.<event>.metrics}, plain integers;
 *   <li>v5, v6: the same path, each count wrapped as {@code {"Int": n}} (rates as {@code {"Float": x}});
 *   <li>v7: {@code profiles[].data.total.metrics.<event>.values}, a plain number.
 * </ul>
 *
 * <p>{@code metrics} is {@code {"Both": [new, old]}}, {@code {"Left": new}} or {@code {"Right": old}} (v7: {@code
 * {"new", "old"}}); only the new run is read. The Callgrind profile is used (Cachegrind when there is none). Each event
 * count becomes a measure in {@code count}: {@code Ir} is {@code instructions}, the others a lower-case kind ({@code
 * l1-hits}, {@code ll-hits}, {@code ram-hits}, {@code total-rw}, {@code estimated-cycles}, {@code dr}, {@code d1mr},
 * ...). Hit and miss rates and system times are not counts and are skipped.
 *
 * <p>The name is {@code module_path} ({@code bench_file::group::function}) and, when the benchmark has one, {@code
 * ::id}: the schema documents this pair as a benchmark's unique identity, and it reads like the Rust path it is.
 */
final class IaiCallgrindFormat {

    private static final Map<String, String> KINDS = Map.of(
            "Ir", "instructions",
            "L1hits", "l1-hits",
            "LLhits", "ll-hits",
            "RamHits", "ram-hits",
            "TotalRW", "total-rw",
            "EstimatedCycles", "estimated-cycles",
            "SysCount", "sys-count");

    private IaiCallgrindFormat() {}

    static List<Parsed> read(Node root) {
        List<Node> summaries = root.isObject() ? List.of(root) : root.nonEmptyItems();
        List<Parsed> found = new ArrayList<>();
        for (Node summary : summaries) {
            String path = summary.get("module_path").name();
            String name = summary.find("id").map(id -> path + "::" + id.name()).orElse(path);
            int before = found.size();
            for (var event : events(summary).fields()) {
                String key = event.getKey();
                if (key.endsWith("Rate") || (key.startsWith("Sys") && key.endsWith("Time"))) {
                    continue; // hit and miss rates, time in system calls: not counts
                }
                Node metrics = event.getValue();
                String kind = KINDS.getOrDefault(key, key.toLowerCase(Locale.ROOT));
                newCount(metrics).ifPresent(n -> found.add(Parsed.value(metrics.place(), kind, name, "count", n)));
            }
            if (found.size() == before) {
                throw summary.fail("no event counts for the new run");
            }
        }
        return found;
    }

    /** The total event counts of the Callgrind (else Cachegrind) profile: an object, event name to its metrics. */
    private static Node events(Node summary) {
        Node profiles = summary.find("profiles")
                .orElseGet(() -> summary.find("tool_summaries")
                        .orElseThrow(() ->
                                summary.fail("missing \"profiles\" (schema v4 and later) or \"tool_summaries\" (v3)")));
        for (String tool : List.of("Callgrind", "Cachegrind")) {
            for (Node profile : profiles.items()) {
                if (tool.equalsIgnoreCase(profile.get("tool").string())) {
                    return total(profile, tool);
                }
            }
        }
        throw profiles.fail("no Callgrind or Cachegrind profile");
    }

    private static Node total(Node profile, String tool) {
        Optional<Node> data = profile.find("data");
        if (data.isPresent()) { // v7
            return data.get().get("total").get("metrics");
        }
        Node summary = profile.get("summaries").get("total").get("summary");
        if (summary.isText()) { // "None": the tool extracted no metrics
            throw summary.fail("the " + tool + " profile has no metrics");
        }
        return summary.find(tool).orElseGet(() -> summary.get(tool + "Summary"));
    }

    /** The new run's count of one event, or empty when only the old run has it. */
    private static Optional<Double> newCount(Node event) {
        Optional<Node> values = event.find("values");
        if (values.isPresent()) { // v7: {"new", "old"}
            Optional<Node> fresh = values.get().find("new");
            if (fresh.isEmpty() && values.get().find("old").isEmpty()) {
                throw values.get().fail("expected \"new\" or \"old\"");
            }
            return fresh.map(IaiCallgrindFormat::metric);
        }
        Node metrics = event.get("metrics");
        Optional<Node> both = metrics.find("Both");
        if (both.isPresent()) {
            List<Node> pair = both.get().items();
            if (pair.size() != 2) {
                throw both.get().fail("expected [new, old]");
            }
            return Optional.of(metric(pair.get(0)));
        }
        Optional<Node> left = metrics.find("Left");
        if (left.isPresent()) {
            return Optional.of(metric(left.get()));
        }
        if (metrics.find("Right").isEmpty()) {
            throw metrics.fail("expected \"Both\", \"Left\" or \"Right\"");
        }
        return Optional.empty();
    }

    /** A count: a number (v3, v4, v7), {@code {"Int": n}} / {@code {"Float": x}} (v5, v6), or v7's {@code {"value": n}}. */
    private static double metric(Node metric) {
        if (!metric.isObject()) {
            return metric.number();
        }
        Optional<Node> inner = metric.find("Int").or(() -> metric.find("Float")).or(() -> metric.find("value"));
        return metric(inner.orElseThrow(() -> metric.fail("expected a count: a number or {\"Int\": n}")));
    }
}
