package io.regtrack.series;

import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a series for a chart: points, downsampled; releases, changes found and environment changes. */
@ApplicationScoped
public class SeriesService {

    static final int DEFAULT_POINTS = 1_000;
    static final int MAX_POINTS = 20_000;
    static final int MAX_ANNOTATIONS = 200;

    private final ProjectService projects;
    private final SeriesRepository series;
    private final BuildChanges buildChanges;
    private final SeriesReader reader;

    SeriesService(ProjectService projects, SeriesRepository series, BuildChanges buildChanges, SeriesReader reader) {
        this.projects = projects;
        this.series = series;
        this.buildChanges = buildChanges;
        this.reader = reader;
    }

    /** What a series is asked for. */
    public record SeriesQuery(
            String kind,
            String name,
            String branch,
            String profile,
            String target,
            Instant from,
            Instant to,
            Integer maxPoints,
            String part) {}

    @Transactional
    public List<SeriesView.Entry> index(String slug, String branch) {
        Project project = projects.readable(slug);
        return series.index(project.id, ProjectService.branch(project, branch));
    }

    @Transactional
    public List<Map<String, Object>> branches(String slug) {
        Project project = projects.readable(slug);
        List<Map<String, Object>> branches = new ArrayList<>();
        for (SeriesRepository.Branch b : series.branches(project.id, project.defaultBranch)) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", b.name());
            view.put("runs", b.runs());
            view.put("default", project.defaultBranch.equals(b.name()));
            branches.add(view);
        }
        return branches;
    }

    @Transactional
    public SeriesView series(String slug, SeriesQuery q) {
        Project project = projects.readable(slug);
        if (q.kind() == null || q.name() == null) {
            throw ProblemException.invalid(q.kind() == null ? "kind" : "name", "is required");
        }
        int maxPoints = q.maxPoints() == null ? DEFAULT_POINTS : q.maxPoints();
        if (maxPoints < 4 || maxPoints > MAX_POINTS) {
            throw ProblemException.invalid("maxPoints", "must be between 4 and " + MAX_POINTS);
        }
        String branch = ProjectService.branch(project, q.branch());
        Blocks.Read read = read(project.id, branch, q, maxPoints);
        Map<Long, SeriesRepository.RunFacts> facts =
                series.runFacts(read.kept().stream().map(Blocks.Kept::runId).toList());
        List<SeriesView.Point> points = read.kept().stream()
                .map(p -> {
                    SeriesRepository.RunFacts run = facts.get(p.runId());
                    return new SeriesView.Point(
                            p.runId(),
                            run.commit(),
                            SeriesRepository.micros(p.atMicros()),
                            p.value(),
                            run.message(),
                            run.profile());
                })
                .toList();
        return new SeriesView(
                q.kind(),
                q.name(),
                read.unit(),
                branch,
                q.profile(),
                q.target(),
                read.total(),
                points,
                points.isEmpty()
                        ? List.of()
                        : series.releases(
                                project.id,
                                points.get(0).committedAt(),
                                points.get(points.size() - 1).committedAt()),
                series.changes(project.id, branch, q),
                annotations(read.steps()));
    }

    /**
     * A series named to the build (profile and target given) is read from its blocks; any other
     * read (a part of a binary, every profile at once) from its stored points.
     */
    private Blocks.Read read(long projectId, String branch, SeriesQuery q, int maxPoints) {
        if (q.part() == null && q.profile() != null && q.target() != null) {
            return reader.read(
                    new BlockRepository.Key(projectId, branch, q.kind(), q.name(), q.profile(), q.target()),
                    q.from(),
                    q.to(),
                    maxPoints,
                    MAX_ANNOTATIONS);
        }
        return SeriesReader.ofPoints(series.points(projectId, branch, q), maxPoints);
    }

    /** Where the effective profile or the toolchain changed from one point to the next. */
    private List<SeriesView.Annotation> annotations(List<Blocks.Step> steps) {
        return buildChanges
                .explain(steps.stream()
                        .map(st -> new BuildChanges.Step(st.before(), st.after()))
                        .toList())
                .values()
                .stream()
                .map(e -> new SeriesView.Annotation(
                        e.after().id, e.after().commitSha, e.after().committedAt, e.changes()))
                .toList();
    }
}
