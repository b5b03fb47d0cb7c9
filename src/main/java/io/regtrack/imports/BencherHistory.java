package io.regtrack.imports;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.regtrack.git.Sha;
import io.regtrack.results.Measure;
import io.regtrack.results.Node;
import io.regtrack.results.ResultException;
import io.regtrack.results.ResultFormats;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Bencher's perf export: the {@code JsonPerf} its API answers to {@code GET /v0/projects/{project}/perf} (and the CLI's
 * {@code bencher perf} prints): {@code {"project", "start_time"?, "end_time"?, "results": [{"branch": {"name", ...},
 * "testbed": {"name", "slug", ...}, "benchmark": {"name", ...}, "measure": {"name", "slug", "units", ...}, "metrics":
 * [{"report", "iteration", "start_time", "end_time", "version": {"number", "hash"?}, "metric": {"uuid", "value",
 * "lower_value"?, "upper_value"?}, "threshold"?, "boundary"?, "alert"?}]}]}}. The shape is the one of {@code
 * JsonPerf}, {@code JsonPerfMetrics} and {@code JsonPerfMetric} in bencherdev/bencher's {@code
 * lib/bencher_json/src/project/perf.rs}, {@code JsonVersion} in {@code reference.rs} and {@code JsonMetric} in {@code
 * metric/mod.rs}; newer servers ({@code services/api/openapi.json}: {@code JsonPerfLine}) keep {@code metric} and add
 * {@code "metrics": {"value": {"value"}, ...}}, read when {@code metric} is absent. Thresholds, boundaries and alerts
 * are Bencher's judgement and are not read: regtrack finds its own.
 *
 * <p>A Bencher report is one {@code bencher run}: one branch, testbed and version. It becomes one run of the version's
 * commit ({@code hash}) on that branch. Each metric is read as the Bencher Metric Format JSON {@code bencher run} sent
 * ({@code {"<benchmark>": {"<measure slug>": {"value", ...}}}}) by the {@code bmf} adapter, so a measure means what it
 * means in a BMF upload ({@code latency} in ns → runtime in seconds, {@code throughput}, {@code file-size} → size,
 * {@code instructions}; another slug is its own kind, in the measure's units, such as {@code s} of {@code "seconds
 * (s)"}). A report's iterations ({@code bencher run --iter}) become samples. With several testbeds in the export, names
 * are {@code <testbed>/<benchmark>} so that machines stay apart.
 *
 * <p>Left out, with a reason: a report without a version hash (it has no commit) or whose hash is no full SHA, and a
 * later report of a commit already measured on that branch and testbed (the earliest is kept, so a longer export of
 * the same history stores the same runs).
 */
final class BencherHistory {

    /** One metric: where it was measured, and its value read as a BMF measure. */
    private record Point(
            String branch,
            String testbed,
            String hash,
            String report,
            long iteration,
            Instant start,
            String place,
            Measure measure) {}

    /** The points of one report on one branch. */
    private record Report(String id, String branch, String testbed, String hash, Instant start, List<Point> points) {

        String place() {
            return points.get(0).place();
        }
    }

    private BencherHistory() {}

    static History read(Node root) {
        Node results = root.get("results");
        List<Point> points = new ArrayList<>();
        for (Node line : results.items()) {
            points.addAll(points(line));
        }
        if (points.isEmpty()) {
            throw results.fail("no metrics");
        }
        List<Skipped> skipped = new ArrayList<>();
        Map<String, Report> chosen = new LinkedHashMap<>();
        for (Report report : reports(points)) {
            if (report.hash() == null || !Sha.isValid(report.hash())) {
                skipped.add(new Skipped(
                        report.place(),
                        "report " + ResultException.echo(report.id())
                                + (report.hash() == null
                                        ? " has no version hash"
                                        : " has version hash \"" + ResultException.echo(report.hash())
                                                + "\", not a full commit SHA")
                                + ", so its " + report.points().size() + " metrics have no commit to be stored under"));
                continue;
            }
            String source = report.branch() + ":" + report.testbed() + ":"
                    + report.hash().toLowerCase(Locale.ROOT);
            Report earlier = chosen.get(source);
            if (earlier == null || earlier(report, earlier)) {
                chosen.put(source, report);
                report = earlier;
            }
            if (report != null) {
                skipped.add(new Skipped(
                        report.place(),
                        "report " + ResultException.echo(report.id()) + " measured commit " + report.hash()
                                + " again on branch " + ResultException.echo(report.branch()) + ", testbed "
                                + ResultException.echo(report.testbed()) + "; the earliest report is imported"));
            }
        }
        boolean prefixed =
                chosen.values().stream().map(Report::testbed).distinct().count() > 1;
        List<ImportedRun> runs = new ArrayList<>();
        for (Report report : chosen.values()) {
            runs.add(run(report, prefixed, skipped));
        }
        runs.sort(Comparator.comparing(ImportedRun::committedAt).thenComparing(ImportedRun::key));
        return new History(runs, skipped);
    }

    private static boolean earlier(Report a, Report b) {
        int byTime = a.start().compareTo(b.start());
        return byTime < 0 || (byTime == 0 && a.id().compareTo(b.id()) < 0);
    }

    /** Every metric of one line (one benchmark and measure on one branch and testbed). */
    private static List<Point> points(Node line) {
        String branch = JsonText.text(line.get("branch").get("name"));
        Node testbed = line.get("testbed");
        String bed = JsonText.text(testbed.find("slug").orElseGet(() -> testbed.get("name")));
        Node benchmark = line.get("benchmark").get("name");
        String name = JsonText.checked(benchmark, benchmark.name());
        Node measure = line.get("measure");
        String slug = measure.get("slug").string();
        String units = measure.find("units")
                .map(Node::string)
                .map(BencherHistory::unit)
                .orElse(null);
        List<Point> points = new ArrayList<>();
        for (Node metric : line.get("metrics").items()) {
            String report = metric.get("report").string();
            long iteration = (long) metric.get("iteration").number();
            Instant start = time(metric.get("start_time"));
            String hash = metric.get("version").find("hash").map(JsonText::text).orElse(null);
            Measure read = measure(name, slug, units, metric);
            points.add(new Point(branch, bed, hash, report, iteration, start, metric.place(), read));
        }
        return points;
    }

    /** The points grouped by report and branch, in the order first met. */
    private static List<Report> reports(List<Point> points) {
        Map<String, List<Point>> byReport = new LinkedHashMap<>();
        for (Point p : points) {
            byReport.computeIfAbsent(p.branch() + "\n" + p.report(), k -> new ArrayList<>())
                    .add(p);
        }
        List<Report> reports = new ArrayList<>();
        for (List<Point> group : byReport.values()) {
            Point first = group.get(0);
            Instant start = group.stream()
                    .map(Point::start)
                    .min(Comparator.naturalOrder())
                    .orElseThrow();
            reports.add(new Report(first.report(), first.branch(), first.testbed(), first.hash(), start, group));
        }
        return reports;
    }

    /** One report as a run: its measures, a measure measured in several iterations with those as samples. */
    private static ImportedRun run(Report report, boolean prefixed, List<Skipped> skipped) {
        List<Point> points = new ArrayList<>(report.points());
        points.sort(Comparator.comparingLong(Point::iteration));
        Map<String, List<Point>> byMeasure = new LinkedHashMap<>();
        for (Point p : points) {
            List<Point> same = byMeasure.computeIfAbsent(
                    p.measure().kind() + "\n" + p.measure().name(), k -> new ArrayList<>());
            if (!same.isEmpty() && same.get(same.size() - 1).iteration() == p.iteration()) {
                skipped.add(new Skipped(
                        p.place(),
                        "a second " + p.measure().kind() + " of \""
                                + ResultException.echo(p.measure().name())
                                + "\" in iteration " + p.iteration() + " of report "
                                + ResultException.echo(report.id()) + "; the first is imported"));
                continue;
            }
            same.add(p);
        }
        List<Measure> measures = new ArrayList<>();
        for (List<Point> same : byMeasure.values()) {
            Measure m = same.get(0).measure();
            String name = prefixed ? report.testbed() + "/" + m.name() : m.name();
            if (same.size() == 1) {
                measures.add(new Measure(m.kind(), name, m.unit(), m.value(), null, m.parts()));
            } else {
                List<Double> samples =
                        same.stream().map(p -> p.measure().value()).toList();
                measures.add(new Measure(m.kind(), name, m.unit(), null, samples, m.parts()));
            }
        }
        String key = Imports.key(
                "bencher",
                report.branch() + ":" + report.testbed(),
                report.hash().toLowerCase(Locale.ROOT));
        return new ImportedRun(
                report.place(),
                key,
                report.hash(),
                report.branch(),
                OffsetDateTime.ofInstant(report.start(), ZoneOffset.UTC),
                null,
                null,
                measures);
    }

    /** One metric, read as the BMF {@code bencher run} sent for it; numbers are checked where they are. */
    private static Measure measure(String benchmark, String slug, String units, Node metric) {
        Optional<Node> triple = metric.find("metric");
        Node value;
        Optional<Node> lower;
        Optional<Node> upper;
        if (triple.isPresent()) {
            value = triple.get().get("value");
            lower = triple.get().find("lower_value");
            upper = triple.get().find("upper_value");
        } else {
            Node named = metric.find("metrics")
                    .orElseThrow(() -> metric.fail("no value: expected \"metric\" or \"metrics\""));
            value = named.get("value").get("value");
            lower = named.find("lower_value").map(n -> n.get("value"));
            upper = named.find("upper_value").map(n -> n.get("value"));
        }
        ObjectNode bmf = JsonNodeFactory.instance.objectNode();
        ObjectNode read = bmf.putObject(benchmark).putObject(slug);
        read.put("value", value.number());
        lower.ifPresent(n -> read.put("lower_value", n.number()));
        upper.ifPresent(n -> read.put("upper_value", n.number()));
        Measure m;
        try {
            m = ResultFormats.parse("bmf", null, bmf).get(0);
        } catch (ResultException e) {
            throw metric.fail(e.getMessage());
        }
        if (m.unit().isEmpty() && units != null && !units.isEmpty()) {
            return new Measure(m.kind(), m.name(), units, m.value(), m.samples(), m.parts());
        }
        return m;
    }

    /** A measure's units as Bencher names them, {@code "seconds (s)"}: the symbol in parentheses, else the whole. */
    static String unit(String units) {
        String text = units.strip();
        int open = text.lastIndexOf('(');
        if (open >= 0 && text.endsWith(")")) {
            return text.substring(open + 1, text.length() - 1).strip();
        }
        return text;
    }

    private static Instant time(Node at) {
        try {
            return OffsetDateTime.parse(at.string()).toInstant();
        } catch (DateTimeParseException e) {
            throw at.fail("expected an RFC 3339 time such as 2025-03-01T10:15:00Z");
        }
    }
}
