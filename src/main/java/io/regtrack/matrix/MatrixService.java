package io.regtrack.matrix;

import io.regtrack.git.Sha;
import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.run.Measurement;
import io.regtrack.run.MeasurementRepository;
import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import io.regtrack.verdict.Environment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Gathers a commit's runs under each profile into a size/speed matrix. */
@ApplicationScoped
public class MatrixService {

    /** The kind the report step records a build's wall time under, in seconds. */
    static final String BUILD_TIME = "build-time";

    private final ProjectService projects;
    private final RunRepository runs;
    private final MeasurementRepository measurements;

    MatrixService(ProjectService projects, RunRepository runs, MeasurementRepository measurements) {
        this.projects = projects;
        this.runs = runs;
        this.measurements = measurements;
    }

    @Transactional
    public MatrixView matrix(String slug, String commit) {
        Project project = projects.readable(slug);
        if (!Sha.isValid(commit)) {
            throw ProblemException.invalid("sha", Sha.RULE);
        }
        String sha = new Sha(commit).value();
        Map<String, Run> newestPerProfile = new LinkedHashMap<>();
        runs.uploadsOf(project.id, sha)
                .forEach(run -> newestPerProfile.putIfAbsent(String.valueOf(run.profileName) + " " + run.target, run));
        if (newestPerProfile.isEmpty()) {
            throw ProblemException.notFound("No runs of commit " + sha + " in project '" + slug + "'");
        }
        List<Run> profileRuns = new ArrayList<>(newestPerProfile.values());
        boolean severalTargets = profileRuns.stream()
                        .map(r -> String.valueOf(r.target))
                        .distinct()
                        .count()
                > 1;
        List<MatrixView.Cell> cells = new ArrayList<>();
        Map<Long, Map<String, Double>> sizes = new LinkedHashMap<>();
        Map<Long, Map<String, Double>> times = new LinkedHashMap<>();
        Map<Long, Double> buildTimes = new LinkedHashMap<>();
        for (Run run : profileRuns) {
            sizes.put(run.id, new TreeMap<>());
            times.put(run.id, new TreeMap<>());
        }
        // every profile's measurements in one read
        for (Measurement m : measurements.ofRuns(sizes.keySet())) {
            if (m.kind.equals("size")) {
                sizes.get(m.runId).put(m.name, m.center);
            } else if (m.kind.equals("runtime")) {
                times.get(m.runId).put(m.name, m.center);
            } else if (m.kind.equals(BUILD_TIME)) {
                buildTimes.merge(m.runId, m.center, Double::sum);
            }
        }
        TreeSet<String> commonBenchmarks =
                new TreeSet<>(times.get(profileRuns.get(0).id).keySet());
        profileRuns.forEach(r -> commonBenchmarks.retainAll(times.get(r.id).keySet()));
        List<Pareto.Point> points = new ArrayList<>();
        for (Run run : profileRuns) {
            double size = sizes.get(run.id).values().stream()
                    .mapToDouble(Double::doubleValue)
                    .sum();
            double time = commonBenchmarks.isEmpty()
                    ? Double.NaN
                    : commonBenchmarks.stream()
                            .mapToDouble(b -> times.get(run.id).get(b))
                            .sum();
            points.add(new Pareto.Point(label(run, severalTargets), size, time));
        }
        List<String> frontier = Pareto.frontier(points);
        for (int i = 0; i < profileRuns.size(); i++) {
            Run run = profileRuns.get(i);
            Pareto.Point p = points.get(i);
            cells.add(new MatrixView.Cell(
                    label(run, severalTargets),
                    run.target,
                    run.id,
                    sizes.get(run.id),
                    times.get(run.id),
                    p.size(),
                    Double.isNaN(p.time()) ? null : p.time(),
                    buildTimes.get(run.id),
                    frontier.contains(p.name())));
        }
        String reference = cells.stream()
                .map(MatrixView.Cell::profile)
                .filter("release"::equals)
                .findFirst()
                .orElse(cells.get(0).profile());
        return new MatrixView(
                sha, reference, cells, differing(profileRuns, severalTargets), frontier, summary(cells, reference));
    }

    private static String label(Run run, boolean severalTargets) {
        String profile = run.profileName == null ? "(no profile)" : run.profileName;
        return severalTargets ? profile + " @ " + run.target : profile;
    }

    private static Map<String, Map<String, String>> differing(List<Run> profileRuns, boolean severalTargets) {
        TreeSet<String> keys = new TreeSet<>();
        profileRuns.forEach(r -> keys.addAll(r.profileEffective.keySet()));
        Map<String, Map<String, String>> differing = new LinkedHashMap<>();
        for (String key : keys) {
            Map<String, String> values = new LinkedHashMap<>();
            profileRuns.forEach(r -> values.put(
                    label(r, severalTargets),
                    r.profileEffective.containsKey(key)
                            ? r.profileEffective.get(key).value()
                            : Environment.UNSET));
            if (values.values().stream().distinct().count() > 1) {
                differing.put(key, values);
            }
        }
        return differing;
    }

    private static List<String> summary(List<MatrixView.Cell> cells, String reference) {
        MatrixView.Cell ref = cells.stream()
                .filter(c -> c.profile().equals(reference))
                .findFirst()
                .orElseThrow();
        List<String> lines = new ArrayList<>();
        for (MatrixView.Cell c : cells) {
            if (c == ref) {
                continue;
            }
            StringBuilder line = new StringBuilder(c.profile())
                    .append(": ")
                    .append(percent(c.totalSize(), ref.totalSize()))
                    .append(" size");
            if (c.totalRuntime() != null && ref.totalRuntime() != null) {
                line.append(", ")
                        .append(percent(c.totalRuntime(), ref.totalRuntime()))
                        .append(" time");
            }
            if (c.buildTime() != null && ref.buildTime() != null) {
                line.append(", ")
                        .append(percent(c.buildTime(), ref.buildTime()))
                        .append(" build time");
            }
            lines.add(line.append(" versus ")
                    .append(reference)
                    .append(c.pareto() ? " (on the frontier)" : "")
                    .toString());
        }
        return lines;
    }

    private static String percent(double value, double reference) {
        if (reference == 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%+.1f %%", (value - reference) / reference * 100);
    }
}
