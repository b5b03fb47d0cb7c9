package io.regtrack.run;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.regtrack.verdict.SeriesKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
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
        String sql = "select k.kind, k.name, h.run_id, (extract(epoch from h.committed_at) * 1000000)::bigint, h.center"
                + " from jsonb_to_recordset(cast(? as jsonb)) as k(kind text, name text)"
                + " cross join lateral (select m.run_id, m.center, m.committed_at, m.id from measurements m"
                + " where m.project_id = ? and m.branch = ? and m.kind = k.kind and m.name = k.name"
                + " and coalesce(m.profile_name, '') = coalesce(?, '')"
                + " and coalesce(m.target, '') = coalesce(?, '')"
                + (newest ? "" : " and m.committed_at < ? and m.run_id <> ?")
                + " order by m.committed_at desc, m.id desc limit ?) h"
                + " order by k.kind, k.name, h.committed_at, h.id";
        // Plain JDBC: read on every upload, where a native query's per-call result typing showed.
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement q = connection.prepareStatement(sql)) {
                int i = 0;
                q.setString(++i, toJson(series));
                q.setLong(++i, run.projectId);
                q.setString(++i, run.branch);
                q.setString(++i, run.profileName);
                q.setString(++i, run.target);
                if (!newest) {
                    q.setObject(++i, run.committedAt.atOffset(ZoneOffset.UTC));
                    q.setLong(++i, run.id);
                }
                q.setInt(++i, limit);
                try (ResultSet r = q.executeQuery()) {
                    SeriesKey key = null;
                    List<WindowPoint> points = null;
                    while (r.next()) {
                        String kind = r.getString(1);
                        String name = r.getString(2);
                        if (key == null
                                || !key.kind().equals(kind)
                                || !key.name().equals(name)) {
                            key = new SeriesKey(kind, name);
                            points = new ArrayList<>();
                            byKey.put(key, points);
                        }
                        long micros = r.getLong(4);
                        points.add(new WindowPoint(
                                r.getLong(3),
                                Instant.ofEpochSecond(
                                        Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L),
                                r.getDouble(5)));
                    }
                }
            }
        });
        return byKey;
    }

    private static String toJson(List<SeriesKey> keys) {
        try {
            return JSON.writeValueAsString(keys);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
