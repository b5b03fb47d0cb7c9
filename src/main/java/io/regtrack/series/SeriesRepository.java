package io.regtrack.series;

import io.regtrack.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries behind charts, in PostgreSQL's own SQL (window functions, epoch arithmetic), each
 * returning typed rows. Series read the {@code measurements} index range that carries the whole
 * series key, never the wide {@code runs} rows.
 */
@ApplicationScoped
class SeriesRepository {

    /** One stored point: its run, time, plotted value, whether the build environment changed, unit. */
    record Point(long runId, Instant committedAt, double value, boolean environmentChanged, String unit) {}

    /** What a drawn point shows of its run. */
    record RunFacts(String commit, String message, String profile) {}

    record Branch(String name, long runs) {}

    private final EntityManager em;

    SeriesRepository(@Reads EntityManager em) {
        this.em = em;
    }

    /**
     * The series of a branch from its catalogue, each with its number of points: the sealed blocks'
     * count and the points after the last block, so a long history is not counted point by point.
     */
    List<SeriesView.Entry> index(long projectId, String branch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select c.kind, c.name, c.unit, nullif(c.profile_name, ''),"
                        + " nullif(c.target, ''), coalesce(b.points, 0) + t.n as points"
                        + " from series_catalog c"
                        + " left join lateral (select sum(s.points) as points, max(s.block) as block from series_blocks s"
                        + " where s.project_id = c.project_id and s.branch = c.branch and s.kind = c.kind and s.name = c.name"
                        + " and s.profile_name = c.profile_name and s.target = c.target and s.level = 0) b on true"
                        + " left join series_blocks e on e.project_id = c.project_id and e.branch = c.branch"
                        + " and e.kind = c.kind and e.name = c.name and e.profile_name = c.profile_name"
                        + " and e.target = c.target and e.level = 0 and e.block = b.block"
                        + " cross join lateral (select count(*) as n from measurements m"
                        + " where m.project_id = c.project_id and m.branch = c.branch and m.kind = c.kind and m.name = c.name"
                        + " and coalesce(m.profile_name, '') = c.profile_name and coalesce(m.target, '') = c.target"
                        // The first condition bounds the index range; the second is exact within it.
                        + " and m.committed_at >= coalesce(e.last_at, '-infinity'::timestamptz)"
                        + " and (e.block is null or (m.committed_at, m.id) > (e.last_at, e.last_id))) t"
                        + " where c.project_id = ?1 and c.branch = ?2 and coalesce(b.points, 0) + t.n > 0"
                        + " order by c.kind desc, c.name, points desc, c.profile_name, c.target")
                .setParameter(1, projectId)
                .setParameter(2, branch)
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

    /** Branches with runs, the default first, then by newest commit. */
    List<Branch> branches(long projectId, String defaultBranch) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select branch, count(*), max(committed_at) from runs"
                        + " where project_id = ?1 group by branch order by branch = ?2 desc, max(committed_at) desc")
                .setParameter(1, projectId)
                .setParameter(2, defaultBranch)
                .getResultList();
        return rows.stream()
                .map(r -> new Branch((String) r[0], ((Number) r[1]).longValue()))
                .toList();
    }

    /**
     * Every point of one series on a branch, oldest first; with a {@code part}, that part's size
     * (a section or crate of a binary) at the runs that recorded it.
     */
    List<Point> points(long projectId, String branch, SeriesService.SeriesQuery q) {
        String value = q.part() == null ? "m.center" : "(m.parts ->> cast(:part as text))::double precision";
        String unit = q.part() == null ? "m.unit" : "'bytes'";
        StringBuilder sql = new StringBuilder("select m.run_id, (extract(epoch from m.committed_at) * 1000000)::bigint,"
                + " " + value + ", m.environment_hash is distinct from lag(m.environment_hash) over w, " + unit
                + " from measurements m"
                + " where m.project_id = :project and m.branch = :branch and m.kind = :kind and m.name = :name");
        Map<String, Object> params =
                new HashMap<>(Map.of("project", projectId, "branch", branch, "kind", q.kind(), "name", q.name()));
        if (q.part() != null) {
            sql.append(" and m.parts ->> cast(:part as text) is not null");
            params.put("part", q.part());
        }
        build(q, sql, params, "m");
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
        return rows.stream()
                .map(r -> new Point(
                        ((Number) r[0]).longValue(),
                        micros(r[1]),
                        ((Number) r[2]).doubleValue(),
                        Boolean.TRUE.equals(r[3]),
                        (String) r[4]))
                .toList();
    }

    /** Commit, message and profile of these runs. */
    Map<Long, RunFacts> runFacts(Collection<Long> ids) {
        Map<Long, RunFacts> facts = new HashMap<>();
        if (!ids.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            "select id, commit_sha, message, profile_name from runs where id in (:ids)")
                    .setParameter("ids", ids)
                    .getResultList();
            rows.forEach(r ->
                    facts.put(((Number) r[0]).longValue(), new RunFacts((String) r[1], (String) r[2], (String) r[3])));
        }
        return facts;
    }

    List<SeriesView.Release> releases(long projectId, Instant first, Instant last) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select tag, commit_sha, (extract(epoch from committed_at) * 1000000)::bigint"
                                + " from releases where project_id = ?1 and committed_at between ?2 and ?3 order by committed_at")
                .setParameter(1, projectId)
                .setParameter(2, first)
                .setParameter(3, last)
                .getResultList();
        return rows.stream()
                .map(r -> new SeriesView.Release((String) r[0], (String) r[1], micros(r[2])))
                .toList();
    }

    /** The changes found in one series (alerts), in the order they were found. */
    List<SeriesView.Regression> changes(long projectId, String branch, SeriesService.SeriesQuery q) {
        StringBuilder sql = new StringBuilder("select a.id, a.status, coalesce(a.culprit_commit, a.detected_commit),"
                + " a.culprit_run_id, (extract(epoch from coalesce(c.committed_at, n.committed_at)) * 1000000)::bigint,"
                + " a.direction"
                + " from alerts a join runs n on n.id = a.detected_run_id left join runs c on c.id = a.culprit_run_id"
                + " where a.project_id = :project and a.branch = :branch and a.kind = :kind and a.name = :name");
        Map<String, Object> params =
                new HashMap<>(Map.of("project", projectId, "branch", branch, "kind", q.kind(), "name", q.name()));
        build(q, sql, params, "a");
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

    /** The profile and target of the query, when given. */
    private static void build(
            SeriesService.SeriesQuery q, StringBuilder sql, Map<String, Object> params, String alias) {
        if (q.profile() != null) {
            sql.append(" and coalesce(").append(alias).append(".profile_name, '') = :profile");
            params.put("profile", q.profile());
        }
        if (q.target() != null) {
            sql.append(" and coalesce(").append(alias).append(".target, '') = :target");
            params.put("target", q.target());
        }
    }

    static Instant micros(Object value) {
        return Jdbc.micros(((Number) value).longValue());
    }
}
