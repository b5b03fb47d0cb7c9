package io.regtrack.series;

import io.regtrack.baseline.ComparisonService;
import io.regtrack.git.RefName;
import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a series for a chart: points, downsampled; releases, regressions and environment changes. */
@ApplicationScoped
public class SeriesService {

    static final int DEFAULT_POINTS = 1_000;
    static final int MAX_POINTS = 20_000;
    static final int MAX_ANNOTATIONS = 200;

    private final ProjectService projects;
    private final RunRepository runs;
    private final EntityManager em;

    SeriesService(ProjectService projects, RunRepository runs, EntityManager em) {
        this.projects = projects;
        this.runs = runs;
        this.em = em;
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
            Integer maxPoints) {}

    @Transactional
    public List<SeriesView.Entry> index(String slug, String branch) {
        Project project = projects.readable(slug);
        String onBranch = branch(project, branch);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select m.kind, m.name, min(m.unit), m.profile_name, m.target, count(*)"
                                + " from measurements m where m.project_id = ?1 and m.branch = ?2"
                                + " group by m.kind, m.name, m.profile_name, m.target order by m.kind desc, m.name, count(*) desc, m.profile_name, m.target")
                .setParameter(1, project.id)
                .setParameter(2, onBranch)
                .getResultList();
        return rows.stream()
                .map(r -> new SeriesView.Entry(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        ((Number) r[5]).longValue()))
                .toList();
    }

    @Transactional
    public List<Map<String, Object>> branches(String slug) {
        Project project = projects.readable(slug);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select branch, count(*), max(committed_at) from runs"
                        + " where project_id = ?1 group by branch order by branch = ?2 desc, max(committed_at) desc")
                .setParameter(1, project.id)
                .setParameter(2, project.defaultBranch)
                .getResultList();
        List<Map<String, Object>> branches = new ArrayList<>();
        for (Object[] r : rows) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("name", r[0]);
            b.put("runs", ((Number) r[1]).longValue());
            b.put("default", project.defaultBranch.equals(r[0]));
            branches.add(b);
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
        StringBuilder sql = new StringBuilder("select m.run_id, (extract(epoch from m.committed_at) * 1000000)::bigint,"
                + " m.center, m.environment_hash is distinct from lag(m.environment_hash) over w, m.unit"
                + " from measurements m"
                + " where m.project_id = :project and m.branch = :branch and m.kind = :kind and m.name = :name");
        Map<String, Object> params =
                new HashMap<>(Map.of("project", project.id, "branch", branch, "kind", q.kind(), "name", q.name()));
        if (q.profile() != null) {
            sql.append(" and m.profile_name = :profile");
            params.put("profile", q.profile());
        }
        if (q.target() != null) {
            sql.append(" and m.target = :target");
            params.put("target", q.target());
        }
        if (q.from() != null) {
            sql.append(" and m.committed_at >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            sql.append(" and m.committed_at <= :to");
            params.put("to", q.to());
        }
        sql.append(" window w as (order by m.committed_at, m.id) order by m.committed_at, m.id");
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        double[] values =
                rows.stream().mapToDouble(r -> ((Number) r[2]).doubleValue()).toArray();
        List<Integer> kept = Downsample.keep(values, maxPoints);
        Map<Long, Object[]> facts = runFacts(
                kept.stream().map(i -> ((Number) rows.get(i)[0]).longValue()).toList());
        List<SeriesView.Point> points = kept.stream()
                .map(i -> {
                    Object[] r = rows.get(i);
                    long id = ((Number) r[0]).longValue();
                    Object[] run = facts.get(id);
                    return new SeriesView.Point(
                            id, (String) run[1], micros(r[1]), values[i], (String) run[2], (String) run[3]);
                })
                .toList();
        String unit = rows.isEmpty() ? null : (String) rows.get(0)[4];
        Instant first = rows.isEmpty() ? null : micros(rows.get(0)[1]);
        Instant last = rows.isEmpty() ? null : micros(rows.get(rows.size() - 1)[1]);
        return new SeriesView(
                q.kind(),
                q.name(),
                unit,
                branch,
                q.profile(),
                q.target(),
                rows.size(),
                points,
                releases(project, first, last),
                regressions(project, branch, q),
                annotations(rows));
    }

    private String branch(Project project, String branch) {
        String name = branch == null || branch.isBlank() ? project.defaultBranch : branch;
        if (!RefName.isValid(name)) {
            throw ProblemException.invalid("branch", RefName.RULE);
        }
        return name;
    }

    private static Instant micros(Object value) {
        long micros = ((Number) value).longValue();
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }

    /** Commit, message and profile of the runs behind the points that are drawn. */
    private Map<Long, Object[]> runFacts(List<Long> ids) {
        Map<Long, Object[]> facts = new HashMap<>();
        if (!ids.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select id, commit_sha, message, profile_name from runs where id in (:ids)")
                    .setParameter("ids", ids)
                    .getResultList();
            rows.forEach(r -> facts.put(((Number) r[0]).longValue(), r));
        }
        return facts;
    }

    private List<SeriesView.Release> releases(Project project, Instant first, Instant last) {
        if (first == null) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select tag, commit_sha, (extract(epoch from committed_at) * 1000000)::bigint"
                                + " from releases where project_id = ?1 and committed_at between ?2 and ?3 order by committed_at")
                .setParameter(1, project.id)
                .setParameter(2, first)
                .setParameter(3, last)
                .getResultList();
        return rows.stream()
                .map(r -> new SeriesView.Release((String) r[0], (String) r[1], micros(r[2])))
                .toList();
    }

    private List<SeriesView.Regression> regressions(Project project, String branch, SeriesQuery q) {
        StringBuilder sql = new StringBuilder("select a.id, a.status, coalesce(a.culprit_commit, a.detected_commit),"
                + " a.culprit_run_id, (extract(epoch from coalesce(c.committed_at, n.committed_at)) * 1000000)::bigint,"
                + " a.direction"
                + " from alerts a join runs n on n.id = a.detected_run_id left join runs c on c.id = a.culprit_run_id"
                + " where a.project_id = :project and a.branch = :branch and a.kind = :kind and a.name = :name");
        Map<String, Object> params =
                new HashMap<>(Map.of("project", project.id, "branch", branch, "kind", q.kind(), "name", q.name()));
        if (q.profile() != null) {
            sql.append(" and a.profile_name = :profile");
            params.put("profile", q.profile());
        }
        if (q.target() != null) {
            sql.append(" and a.target = :target");
            params.put("target", q.target());
        }
        Query query = em.createNativeQuery(sql.append(" order by a.opened_at").toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new SeriesView.Regression(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        r[3] == null ? null : ((Number) r[3]).longValue(),
                        micros(r[4]),
                        (String) r[5]))
                .toList();
    }

    /** Where the effective profile or the toolchain changed from one point to the next. */
    private List<SeriesView.Annotation> annotations(List<Object[]> rows) {
        List<long[]> pairs = new ArrayList<>();
        for (int i = 1; i < rows.size() && pairs.size() < MAX_ANNOTATIONS; i++) {
            if (Boolean.TRUE.equals(rows.get(i)[3])) {
                pairs.add(
                        new long[] {((Number) rows.get(i - 1)[0]).longValue(), ((Number) rows.get(i)[0]).longValue()});
            }
        }
        if (pairs.isEmpty()) {
            return List.of();
        }
        Map<Long, Run> byId = new HashMap<>(); // the runs of every change, in one read
        runs.list(
                        "id in ?1",
                        pairs.stream()
                                .flatMap(p -> java.util.stream.Stream.of(p[0], p[1]))
                                .toList())
                .forEach(r -> byId.put(r.id, r));
        List<SeriesView.Annotation> annotations = new ArrayList<>();
        for (long[] pair : pairs) {
            Run before = byId.get(pair[0]);
            Run after = byId.get(pair[1]);
            List<String> changes = ComparisonService.environment(before).explain(ComparisonService.environment(after));
            if (!changes.isEmpty()) {
                annotations.add(new SeriesView.Annotation(after.id, after.commitSha, after.committedAt, changes));
            }
        }
        return annotations;
    }
}
