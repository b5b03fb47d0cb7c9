package io.regtrack.series;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The queries behind a page of charts: the points of many series in one statement (one index
 * range per series) and their changes found in another, however many series the page shows.
 */
@ApplicationScoped
class ChartsRepository {

    /** A series' stored points, oldest first. */
    record Series(List<SeriesRepository.Point> points) {}

    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {};
    private static final TypeReference<Map<String, Double>> SIZES = new TypeReference<>() {};

    private final EntityManager em;
    private final ObjectMapper json;

    ChartsRepository(@Reads EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** The points of each series, in the order the series are given, within {@code from}–{@code to} when set. */
    List<Series> points(long projectId, String branch, List<SeriesView.Entry> series, Instant from, Instant to) {
        StringBuilder sql = new StringBuilder(
                "select k.i, h.run_id, h.micros, h.center, h.changed, h.unit"
                        + " from jsonb_to_recordset(cast(:keys as jsonb)) as k(i int, kind text, name text, profile text, target text)"
                        + " cross join lateral (select m.run_id, m.id, m.committed_at, m.center, m.unit,"
                        + " (extract(epoch from m.committed_at) * 1000000)::bigint as micros,"
                        + " m.environment_hash is distinct from lag(m.environment_hash) over w as changed"
                        + " from measurements m"
                        + " where m.project_id = :project and m.branch = :branch and m.kind = k.kind and m.name = k.name"
                        + " and coalesce(m.profile_name, '') = coalesce(k.profile, '') and coalesce(m.target, '') = coalesce(k.target, '')");
        Map<String, Object> params =
                new HashMap<>(Map.of("project", projectId, "branch", branch, "keys", keys(series)));
        if (from != null) {
            sql.append(" and m.committed_at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and m.committed_at <= :to");
            params.put("to", to);
        }
        sql.append(" window w as (order by m.committed_at, m.id)) h order by k.i, h.committed_at, h.id");
        Query query = em.createNativeQuery(sql.toString());
        params.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<List<SeriesRepository.Point>> points = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            points.add(new ArrayList<>());
        }
        for (Object[] r : rows) {
            int i = ((Number) r[0]).intValue();
            points.get(i)
                    .add(new SeriesRepository.Point(
                            ((Number) r[1]).longValue(),
                            SeriesRepository.micros(r[2]),
                            ((Number) r[3]).doubleValue(),
                            Boolean.TRUE.equals(r[4]),
                            (String) r[5]));
        }
        return points.stream().map(Series::new).toList();
    }

    /** The part names (sections, crates) of each size series' newest point, in the order given. */
    List<List<String>> parts(long projectId, String branch, List<SeriesView.Entry> series) {
        List<List<String>> answer = new ArrayList<>();
        series.forEach(s -> answer.add(List.of()));
        if (series.stream().noneMatch(s -> "size".equals(s.kind()))) {
            return answer;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select k.i, (select cast(jsonb_agg(p order by p) as text)"
                        + " from jsonb_object_keys(h.parts) p)"
                        + " from jsonb_to_recordset(cast(:keys as jsonb)) as k(i int, kind text, name text, profile text, target text)"
                        + " cross join lateral (select m.parts from measurements m"
                        + " where m.project_id = :project and m.branch = :branch and m.kind = k.kind and m.name = k.name"
                        + " and coalesce(m.profile_name, '') = coalesce(k.profile, '') and coalesce(m.target, '') = coalesce(k.target, '')"
                        + " order by m.committed_at desc, m.id desc limit 1) h"
                        + " where k.kind = 'size' and h.parts is not null")
                .setParameter("keys", keys(series))
                .setParameter("project", projectId)
                .setParameter("branch", branch)
                .getResultList();
        for (Object[] r : rows) {
            if (r[1] != null) {
                answer.set(((Number) r[0]).intValue(), names((String) r[1]));
            }
        }
        return answer;
    }

    /** The changes found (alerts) in each series, in the order the series are given, each oldest first. */
    List<List<SeriesView.Regression>> changes(long projectId, String branch, List<SeriesView.Entry> series) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select k.i, a.id, a.status, coalesce(a.culprit_commit, a.detected_commit),"
                                + " a.culprit_run_id, (extract(epoch from coalesce(c.committed_at, n.committed_at)) * 1000000)::bigint,"
                                + " a.direction"
                                + " from jsonb_to_recordset(cast(:keys as jsonb)) as k(i int, kind text, name text, profile text, target text)"
                                + " join alerts a on a.project_id = :project and a.branch = :branch and a.kind = k.kind and a.name = k.name"
                                + " and a.profile_name is not distinct from k.profile and a.target is not distinct from k.target"
                                + " join runs n on n.id = a.detected_run_id left join runs c on c.id = a.culprit_run_id"
                                + " order by k.i, a.opened_at, a.id")
                .setParameter("keys", keys(series))
                .setParameter("project", projectId)
                .setParameter("branch", branch)
                .getResultList();
        List<List<SeriesView.Regression>> answer = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            answer.add(new ArrayList<>());
        }
        for (Object[] r : rows) {
            answer.get(((Number) r[0]).intValue())
                    .add(new SeriesView.Regression(
                            ((Number) r[1]).longValue(),
                            (String) r[2],
                            (String) r[3],
                            r[4] == null ? null : ((Number) r[4]).longValue(),
                            SeriesRepository.micros(r[5]),
                            (String) r[6]));
        }
        return answer;
    }

    /** The parts (sections, crates) of one binary's size at these runs, by run. */
    Map<Long, Map<String, Double>> parts(List<Long> runIds, String name) {
        Map<Long, Map<String, Double>> parts = new HashMap<>();
        if (runIds.isEmpty()) {
            return parts;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select m.run_id, cast(m.parts as text) from measurements m"
                        + " where m.run_id in (:runs) and m.kind = 'size' and m.name = :name and m.parts is not null")
                .setParameter("runs", runIds)
                .setParameter("name", name)
                .getResultList();
        for (Object[] r : rows) {
            try {
                parts.put(((Number) r[0]).longValue(), json.readValue((String) r[1], SIZES));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return parts;
    }

    private String keys(List<SeriesView.Entry> series) {
        List<Map<String, Object>> keys = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            SeriesView.Entry e = series.get(i);
            Map<String, Object> key = new HashMap<>();
            key.put("i", i);
            key.put("kind", e.kind());
            key.put("name", e.name());
            key.put("profile", e.profile());
            key.put("target", e.target());
            keys.add(key);
        }
        try {
            return json.writeValueAsString(keys);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> names(String text) {
        try {
            return json.readValue(text, NAMES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
