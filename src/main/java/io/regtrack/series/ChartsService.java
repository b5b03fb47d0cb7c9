package io.regtrack.series;

import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A page of charts in one answer: the series of a branch (a slice of its index), each downsampled,
 * with the runs they draw, the releases and the build changes listed once for all of them.
 */
@ApplicationScoped
public class ChartsService {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 500;
    static final int SUBJECT_LENGTH = 200;

    private final ProjectService projects;
    private final SeriesRepository series;
    private final ChartsRepository charts;
    private final BuildChanges buildChanges;

    ChartsService(
            ProjectService projects, SeriesRepository series, ChartsRepository charts, BuildChanges buildChanges) {
        this.projects = projects;
        this.series = series;
        this.charts = charts;
        this.buildChanges = buildChanges;
    }

    /** What a page of charts is asked for. */
    public record ChartsQuery(
            String branch, Instant from, Instant to, Integer maxPoints, Integer offset, Integer limit) {}

    @Transactional
    public ChartsView charts(String slug, ChartsQuery q) {
        Project project = projects.readable(slug);
        int maxPoints = bounded("maxPoints", q.maxPoints(), SeriesService.DEFAULT_POINTS, 4, SeriesService.MAX_POINTS);
        int offset = bounded("offset", q.offset(), 0, 0, Integer.MAX_VALUE);
        int limit = bounded("limit", q.limit(), DEFAULT_LIMIT, 1, MAX_LIMIT);
        String branch = SeriesService.branch(project, q.branch());
        List<SeriesView.Entry> index = series.index(project.id, branch);
        List<SeriesView.Entry> slice =
                index.subList(Math.min(offset, index.size()), Math.min(offset + limit, index.size()));
        List<ChartsRepository.Series> stored = charts.points(project.id, branch, slice, q.from(), q.to());

        // Each series downsampled; the runs it keeps are gathered into one list for the page.
        List<List<SeriesRepository.Point>> kept = new ArrayList<>();
        Map<Long, Instant> drawn = new HashMap<>();
        List<BuildChanges.Step> steps = new ArrayList<>();
        for (ChartsRepository.Series s : stored) {
            double[] values = s.points().stream()
                    .mapToDouble(SeriesRepository.Point::value)
                    .toArray();
            List<SeriesRepository.Point> points = Downsample.keep(values, maxPoints).stream()
                    .map(s.points()::get)
                    .toList();
            points.forEach(p -> drawn.put(p.runId(), p.committedAt()));
            kept.add(points);
            steps.addAll(BuildChanges.steps(s.points(), SeriesService.MAX_ANNOTATIONS));
        }
        List<ChartsView.RunFacts> runs = runs(drawn);
        Map<Long, Integer> place = new HashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            place.put(runs.get(i).id(), i);
        }

        // Build changes: one entry per run and build (profile, target) however many series cross it.
        Map<BuildChanges.Step, BuildChanges.Explained> explained =
                buildChanges.explain(List.copyOf(new java.util.LinkedHashSet<>(steps)));
        List<ChartsView.BuildChange> changes = new ArrayList<>();
        Map<Long, Integer> changeOf = new LinkedHashMap<>();
        explained.values().stream()
                .sorted(Comparator.comparing((BuildChanges.Explained e) -> e.after().committedAt)
                        .thenComparing(e -> e.after().id))
                .forEach(e -> changeOf.computeIfAbsent(e.after().id, id -> {
                    changes.add(new ChartsView.BuildChange(
                            id,
                            e.after().commitSha,
                            e.after().committedAt,
                            e.after().profileName,
                            e.after().target,
                            e.changes()));
                    return changes.size() - 1;
                }));

        List<List<SeriesView.Regression>> regressions = charts.changes(project.id, branch, slice);
        List<ChartsView.Chart> answer = new ArrayList<>();
        for (int i = 0; i < slice.size(); i++) {
            SeriesView.Entry entry = slice.get(i);
            List<SeriesRepository.Point> all = stored.get(i).points();
            List<SeriesRepository.Point> points = kept.get(i);
            TreeSet<Integer> crossed = new TreeSet<>();
            for (BuildChanges.Step step : BuildChanges.steps(all, SeriesService.MAX_ANNOTATIONS)) {
                if (explained.containsKey(step)) {
                    crossed.add(changeOf.get(step.after()));
                }
            }
            answer.add(new ChartsView.Chart(
                    entry.kind(),
                    entry.name(),
                    all.isEmpty() ? entry.unit() : all.get(0).unit(),
                    entry.profile(),
                    entry.target(),
                    all.size(),
                    points.stream().map(p -> place.get(p.runId())).toList(),
                    points.stream().map(SeriesRepository.Point::value).toList(),
                    List.copyOf(crossed),
                    regressions.get(i),
                    stored.get(i).parts()));
        }
        List<SeriesView.Release> releases = runs.isEmpty()
                ? List.of()
                : series.releases(
                        project.id,
                        runs.get(0).committedAt(),
                        runs.get(runs.size() - 1).committedAt());
        return new ChartsView(branch, index.size(), offset, runs, releases, changes, answer);
    }

    /** The runs drawn, oldest first, each with its commit, subject line and profile. */
    private List<ChartsView.RunFacts> runs(Map<Long, Instant> drawn) {
        Map<Long, SeriesRepository.RunFacts> facts = series.runFacts(drawn.keySet());
        return drawn.entrySet().stream()
                .sorted(Map.Entry.<Long, Instant>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> {
                    SeriesRepository.RunFacts f = facts.get(e.getKey());
                    return new ChartsView.RunFacts(
                            e.getKey(), f.commit(), e.getValue(), subject(f.message()), f.profile());
                })
                .toList();
    }

    /** The first line of a commit message, at most {@value #SUBJECT_LENGTH} characters. */
    static String subject(String message) {
        if (message == null) {
            return null;
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() <= SUBJECT_LENGTH ? line : line.substring(0, SUBJECT_LENGTH - 1) + "…";
    }

    private static int bounded(String field, Integer value, int otherwise, int min, int max) {
        if (value == null) {
            return otherwise;
        }
        if (value < min || value > max) {
            throw ProblemException.invalid(
                    field,
                    max == Integer.MAX_VALUE ? "must be at least " + min : "must be between " + min + " and " + max);
        }
        return value;
    }
}
