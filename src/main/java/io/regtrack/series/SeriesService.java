package io.regtrack.series;

import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.web.QueryCheck;
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

    SeriesService(ProjectService projects, SeriesRepository series, BuildChanges buildChanges) {
        this.projects = projects;
        this.series = series;
        this.buildChanges = buildChanges;
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
        return series.index(project.id, branch(project, branch));
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
        String branch = branch(project, q.branch());
        List<SeriesRepository.Point> rows = series.points(project.id, branch, q);
        double[] values =
                rows.stream().mapToDouble(SeriesRepository.Point::value).toArray();
        List<Integer> kept = Downsample.keep(values, maxPoints);
        Map<Long, SeriesRepository.RunFacts> facts =
                series.runFacts(kept.stream().map(i -> rows.get(i).runId()).toList());
        List<SeriesView.Point> points = kept.stream()
                .map(i -> {
                    SeriesRepository.Point p = rows.get(i);
                    SeriesRepository.RunFacts run = facts.get(p.runId());
                    return new SeriesView.Point(
                            p.runId(), run.commit(), p.committedAt(), p.value(), run.message(), run.profile());
                })
                .toList();
        String unit = rows.isEmpty() ? null : rows.get(0).unit();
        return new SeriesView(
                q.kind(),
                q.name(),
                unit,
                branch,
                q.profile(),
                q.target(),
                rows.size(),
                points,
                rows.isEmpty()
                        ? List.of()
                        : series.releases(
                                project.id,
                                rows.get(0).committedAt(),
                                rows.get(rows.size() - 1).committedAt()),
                series.changes(project.id, branch, q),
                annotations(rows));
    }

    static String branch(Project project, String branch) {
        return branch == null || branch.isBlank() ? project.defaultBranch : QueryCheck.branch(branch);
    }

    /** Where the effective profile or the toolchain changed from one point to the next. */
    private List<SeriesView.Annotation> annotations(List<SeriesRepository.Point> rows) {
        return buildChanges.explain(BuildChanges.steps(rows, MAX_ANNOTATIONS)).values().stream()
                .map(e -> new SeriesView.Annotation(
                        e.after().id, e.after().commitSha, e.after().committedAt, e.changes()))
                .toList();
    }
}
