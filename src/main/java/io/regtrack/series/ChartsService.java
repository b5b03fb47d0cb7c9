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
    /** Series longer than this are read from their blocks. */
    static final int LONG = 4 * Blocks.SIZE;

    private final ProjectService projects;
    private final SeriesRepository series;
    private final ChartsRepository charts;
    private final BuildChanges buildChanges;
    private final SeriesReader reader;

    ChartsService(
            ProjectService projects,
            SeriesRepository series,
            ChartsRepository charts,
            BuildChanges buildChanges,
            SeriesReader reader) {
        this.projects = projects;
        this.series = series;
        this.charts = charts;
        this.buildChanges = buildChanges;
        this.reader = reader;
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
        String branch = ProjectService.branch(project, q.branch());
        List<SeriesView.Entry> index = series.index(project.id, branch);
        List<SeriesView.Entry> slice =
                index.subList(Math.min(offset, index.size()), Math.min(offset + limit, index.size()));
        List<Blocks.Read> reads = read(project.id, branch, slice, q, maxPoints);
        List<List<String>> parts = charts.parts(project.id, branch, slice);

        // Each series downsampled; the runs it keeps are gathered into one list for the page.
        Map<Long, Instant> drawn = new HashMap<>();
        List<BuildChanges.Step> steps = new ArrayList<>();
        for (Blocks.Read read : reads) {
            read.kept().forEach(p -> drawn.put(p.runId(), SeriesRepository.micros(p.atMicros())));
            read.steps().forEach(st -> steps.add(new BuildChanges.Step(st.before(), st.after())));
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
            Blocks.Read read = reads.get(i);
            TreeSet<Integer> crossed = new TreeSet<>();
            for (Blocks.Step step : read.steps()) {
                BuildChanges.Step s = new BuildChanges.Step(step.before(), step.after());
                if (explained.containsKey(s)) {
                    crossed.add(changeOf.get(s.after()));
                }
            }
            answer.add(new ChartsView.Chart(
                    entry.kind(),
                    entry.name(),
                    read.unit() == null ? entry.unit() : read.unit(),
                    entry.profile(),
                    entry.target(),
                    read.total(),
                    read.kept().stream().map(p -> place.get(p.runId())).toList(),
                    read.kept().stream().map(Blocks.Kept::value).toList(),
                    List.copyOf(crossed),
                    regressions.get(i),
                    parts.get(i)));
        }
        List<SeriesView.Release> releases = runs.isEmpty()
                ? List.of()
                : series.releases(
                        project.id,
                        runs.get(0).committedAt(),
                        runs.get(runs.size() - 1).committedAt());
        return new ChartsView(branch, index.size(), offset, runs, releases, changes, answer);
    }

    /**
     * Each series as drawn: a short one from one statement for all of them, a long one (more than
     * {@link #LONG} points) from its blocks, so a page reads O(points drawn) rows.
     */
    private List<Blocks.Read> read(
            long projectId, String branch, List<SeriesView.Entry> slice, ChartsQuery q, int maxPoints) {
        List<SeriesView.Entry> short_ =
                slice.stream().filter(e -> e.points() <= LONG).toList();
        List<ChartsRepository.Series> stored = charts.points(projectId, branch, short_, q.from(), q.to());
        List<Blocks.Read> reads = new ArrayList<>();
        int next = 0;
        for (SeriesView.Entry entry : slice) {
            if (entry.points() <= LONG) {
                reads.add(SeriesReader.ofPoints(stored.get(next++).points(), maxPoints));
            } else {
                reads.add(reader.read(
                        new BlockRepository.Key(
                                projectId,
                                branch,
                                entry.kind(),
                                entry.name(),
                                entry.profile() == null ? "" : entry.profile(),
                                entry.target() == null ? "" : entry.target()),
                        q.from(),
                        q.to(),
                        maxPoints,
                        SeriesService.MAX_ANNOTATIONS));
            }
        }
        return reads;
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
