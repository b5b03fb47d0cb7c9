package io.regtrack.run;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.regtrack.verdict.SeriesKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class MeasurementRepository implements PanacheRepository<Measurement> {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** A run's measurements; read-only, as stored measurements never change. */
    public List<Measurement> ofRun(long runId) {
        return find("runId = ?1 order by kind, name", runId)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .list();
    }

    public List<Measurement> ofRuns(Collection<Long> runIds) {
        return runIds.isEmpty()
                ? List.of()
                : find("runId in ?1", runIds)
                        .withHint(HibernateHints.HINT_READ_ONLY, true)
                        .list();
    }

    /**
     * The newest central values of several series before {@code run}, oldest first: the run's
     * branch, built for the same target and profile.
     */
    public Map<SeriesKey, List<Double>> histories(Run run, Collection<Measurement> of, int limit) {
        Map<SeriesKey, List<Double>> centers = new HashMap<>();
        windows(run, of.stream().map(Measurement::seriesKey).toList(), limit, false)
                .forEach((key, points) -> centers.put(
                        key, points.stream().map(WindowPoint::center).toList()));
        return centers;
    }

    /**
     * The newest points of several series of {@code run}'s branch, target and profile, oldest
     * first: the series' newest points
     * ({@code newest}), or those strictly before the run. One statement reading one index range of at most {@code limit} rows per series,
     * however long the history.
     */
    public Map<SeriesKey, List<WindowPoint>> windows(Run run, List<SeriesKey> series, int limit, boolean newest) {
        Map<SeriesKey, List<WindowPoint>> byKey = new HashMap<>();
        if (series.isEmpty()) {
            return byKey;
        }
        String sql = "select k.kind, k.name, h.run_id, h.committed_at, h.center"
                + " from jsonb_to_recordset(cast(:keys as jsonb)) as k(kind text, name text)"
                + " cross join lateral (select m.run_id, m.center, m.committed_at, m.id from measurements m"
                + " where m.project_id = :project and m.branch = :branch and m.kind = k.kind and m.name = k.name"
                + (newest ? "" : " and m.committed_at < :at and m.run_id <> :run")
                + " and m.target is not distinct from cast(:target as text)"
                + " and m.profile_name is not distinct from cast(:profile as text)"
                + " order by m.committed_at desc, m.id desc limit :limit) h"
                + " order by k.kind, k.name, h.committed_at, h.id";
        var query = getEntityManager()
                .createNativeQuery(sql)
                .setParameter("keys", toJson(series))
                .setParameter("project", run.projectId)
                .setParameter("branch", run.branch)
                .setParameter("target", run.target)
                .setParameter("profile", run.profileName)
                .setParameter("limit", limit);
        if (!newest) {
            query.setParameter("at", run.committedAt).setParameter("run", run.id);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        for (Object[] row : rows) {
            byKey.computeIfAbsent(new SeriesKey((String) row[0], (String) row[1]), k -> new ArrayList<>())
                    .add(new WindowPoint(
                            ((Number) row[2]).longValue(), toInstant(row[3]), ((Number) row[4]).doubleValue()));
        }
        return byKey;
    }

    /**
     * Every series of {@code run}'s measurements around it, oldest first: up to {@code limit} points
     * up to and including the run's own, and up to {@code limit} after it, in commit order.
     */
    public Map<SeriesKey, List<WindowPoint>> around(Run run, int limit) {
        String side = " from measurements m where m.project_id = x.project_id and m.branch = x.branch"
                + " and m.kind = x.kind and m.name = x.name and m.target is not distinct from x.target"
                + " and m.profile_name is not distinct from x.profile_name";
        String sql = "select x.kind, x.name, h.run_id, h.committed_at, h.center from measurements x"
                + " cross join lateral ((select m.run_id, m.committed_at, m.center, m.id" + side
                + " and (m.committed_at, m.id) <= (x.committed_at, x.id) order by m.committed_at desc, m.id desc"
                + " limit :limit) union all (select m.run_id, m.committed_at, m.center, m.id" + side
                + " and (m.committed_at, m.id) > (x.committed_at, x.id) order by m.committed_at, m.id"
                + " limit :limit)) h where x.run_id = :run order by x.kind, x.name, h.committed_at, h.id";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager()
                .createNativeQuery(sql)
                .setParameter("run", run.id)
                .setParameter("limit", limit)
                .getResultList();
        Map<SeriesKey, List<WindowPoint>> byKey = new HashMap<>();
        for (Object[] row : rows) {
            byKey.computeIfAbsent(new SeriesKey((String) row[0], (String) row[1]), k -> new ArrayList<>())
                    .add(new WindowPoint(
                            ((Number) row[2]).longValue(), toInstant(row[3]), ((Number) row[4]).doubleValue()));
        }
        return byKey;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private static String toJson(List<SeriesKey> keys) {
        try {
            return JSON.writeValueAsString(keys);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
