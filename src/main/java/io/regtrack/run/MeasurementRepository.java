package io.regtrack.run;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.regtrack.db.Jdbc;
import io.regtrack.verdict.SeriesKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
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
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Long>> PARTS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    /** A run's measurements, by kind and name; not managed, as stored measurements never change. */
    public List<Measurement> ofRun(long runId) {
        return Jdbc.query(
                getEntityManager(),
                "select id, run_id, project_id, branch, committed_at, profile_name, target, environment_hash, kind,"
                        + " name, unit, value, samples, center, cast(parts as text) from measurements"
                        + " where run_id = ? order by kind, name",
                MeasurementRepository::measurement,
                runId);
    }

    private static Measurement measurement(ResultSet r) throws SQLException {
        Measurement m = new Measurement();
        m.id = r.getLong(1);
        m.runId = r.getLong(2);
        m.projectId = r.getLong(3);
        m.branch = r.getString(4);
        m.committedAt = r.getObject(5, OffsetDateTime.class).toInstant();
        m.profileName = r.getString(6);
        m.target = r.getString(7);
        m.environmentHash = r.getString(8);
        m.kind = r.getString(9);
        m.name = r.getString(10);
        m.unit = r.getString(11);
        m.value = r.getObject(12, Double.class);
        Array samples = r.getArray(13);
        if (samples != null) {
            Double[] values = (Double[]) samples.getArray();
            m.samples = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                m.samples[i] = values[i];
            }
        }
        m.center = r.getDouble(14);
        String parts = r.getString(15);
        if (parts != null) {
            try {
                m.parts = JSON.readValue(parts, PARTS);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new SQLException("stored parts are not JSON", e);
            }
        }
        return m;
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
        String sql = "select k.kind, k.name, h.run_id, (extract(epoch from h.committed_at) * 1000000)::bigint, h.center"
                + " from jsonb_to_recordset(cast(? as jsonb)) as k(kind text, name text)"
                + " cross join lateral (select m.run_id, m.center, m.committed_at, m.id from measurements m"
                + " where m.project_id = ? and m.branch = ? and m.kind = k.kind and m.name = k.name"
                + " and coalesce(m.profile_name, '') = coalesce(?, '')"
                + " and coalesce(m.target, '') = coalesce(?, '')"
                + (newest ? "" : " and m.committed_at < ? and m.run_id <> ?")
                + " order by m.committed_at desc, m.id desc limit ?) h"
                + " order by k.kind, k.name, h.committed_at, h.id";
        List<Object> params = new ArrayList<>(List.of(toJson(series), run.projectId, run.branch));
        params.add(run.profileName);
        params.add(run.target);
        if (!newest) {
            params.add(run.committedAt);
            params.add(run.id);
        }
        params.add(limit);
        Jdbc.query(getEntityManager(), sql, MeasurementRepository::windowPoint, params.toArray())
                .forEach(e -> byKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return byKey;
    }

    /**
     * Every series of {@code run}'s measurements around it, oldest first: up to {@code limit} points
     * up to and including the run's own, and up to {@code limit} after it, in commit order.
     */
    public Map<SeriesKey, List<WindowPoint>> around(Run run, int limit) {
        String side = " from measurements m where m.project_id = x.project_id and m.branch = x.branch"
                + " and m.kind = x.kind and m.name = x.name"
                + " and coalesce(m.profile_name, '') = coalesce(x.profile_name, '')"
                + " and coalesce(m.target, '') = coalesce(x.target, '')";
        String sql = "select x.kind, x.name, h.run_id, (extract(epoch from h.committed_at) * 1000000)::bigint,"
                + " h.center from measurements x"
                + " cross join lateral ((select m.run_id, m.committed_at, m.center, m.id" + side
                + " and (m.committed_at, m.id) <= (x.committed_at, x.id) order by m.committed_at desc, m.id desc"
                + " limit ?) union all (select m.run_id, m.committed_at, m.center, m.id" + side
                + " and (m.committed_at, m.id) > (x.committed_at, x.id) order by m.committed_at, m.id"
                + " limit ?)) h where x.run_id = ? order by x.kind, x.name, h.committed_at, h.id";
        Map<SeriesKey, List<WindowPoint>> byKey = new HashMap<>();
        Jdbc.query(getEntityManager(), sql, MeasurementRepository::windowPoint, limit, limit, run.id)
                .forEach(e -> byKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
                        .add(e.getValue()));
        return byKey;
    }

    /** A row of kind, name, run id, commit time in microseconds and centre: a point of that series. */
    private static Map.Entry<SeriesKey, WindowPoint> windowPoint(ResultSet r) throws SQLException {
        return Map.entry(
                new SeriesKey(r.getString(1), r.getString(2)),
                new WindowPoint(r.getLong(3), Jdbc.micros(r.getLong(4)), r.getDouble(5)));
    }

    private static String toJson(List<SeriesKey> keys) {
        try {
            return JSON.writeValueAsString(keys);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
