package io.regtrack.series;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The stored points and sealed blocks of one series, read in commit order along its index. */
@ApplicationScoped
class BlockRepository {

    /** A series as blocks name it: {@code profile} and {@code target} are a name or {@code ""} for none. */
    record Key(long projectId, String branch, String kind, String name, String profile, String target) {}

    /** A place in commit order: a commit time (µs) and a measurement id. */
    record Place(long atMicros, long id) {}

    private static final String AT = "timestamptz 'epoch' + cast(:%s as bigint) * interval '1 microsecond'";

    private final EntityManager em;

    BlockRepository(EntityManager em) {
        this.em = em;
    }

    /** Stored points after {@code after} and before {@code before}, within {@code from}–{@code to}, at most {@code limit}. */
    List<Blocks.Raw> points(Key key, Place after, Place before, Instant from, Instant to, int limit) {
        StringBuilder sql =
                new StringBuilder("select m.id, m.run_id, (extract(epoch from m.committed_at) * 1000000)::bigint,"
                        + " m.center, m.environment_hash, m.unit from measurements m where ");
        Map<String, Object> params = where(key, sql, "m");
        if (after != null) {
            sql.append(" and (m.committed_at, m.id) > (")
                    .append(AT.formatted("afterAt"))
                    .append(", cast(:afterId as bigint))");
            params.put("afterAt", after.atMicros());
            params.put("afterId", after.id());
        }
        if (before != null) {
            sql.append(" and (m.committed_at, m.id) < (")
                    .append(AT.formatted("beforeAt"))
                    .append(", cast(:beforeId as bigint))");
            params.put("beforeAt", before.atMicros());
            params.put("beforeId", before.id());
        }
        if (from != null) {
            sql.append(" and m.committed_at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and m.committed_at <= :to");
            params.put("to", to);
        }
        sql.append(" order by m.committed_at, m.id limit :limit");
        params.put("limit", limit);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(sql.toString(), params).getResultList();
        return rows.stream()
                .map(r -> new Blocks.Raw(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        ((Number) r[2]).longValue(),
                        ((Number) r[3]).doubleValue(),
                        (String) r[4],
                        (String) r[5]))
                .toList();
    }

    /** The newest sealed block's number and end, if any block is sealed. */
    Optional<Object[]> lastSealed(Key key, int level) {
        StringBuilder sql =
                new StringBuilder("select b.block, (extract(epoch from b.last_at) * 1000000)::bigint, b.last_id"
                        + " from series_blocks b where ");
        Map<String, Object> params = blockKey(key, sql);
        sql.append(" and b.level = :level order by b.block desc limit 1");
        params.put("level", level);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(sql.toString(), params).getResultList();
        return rows.stream().findFirst();
    }

    /**
     * Takes the series' marks of points stored before its newest one and removes the blocks from the
     * earliest of them on. The first reader to see a mark takes it; it is committed with the point.
     */
    void dropStale(Key key) {
        StringBuilder sql = new StringBuilder("with taken as (delete from series_block_marks b where ");
        Map<String, Object> params = blockKey(key, sql);
        sql.append(" returning b.at) delete from series_blocks b where ");
        blockKey(key, sql);
        sql.append(" and b.last_at >= (select min(at) from taken)");
        query(sql.toString(), params).executeUpdate();
    }

    void insert(Key key, Blocks.Block b) {
        em.createNativeQuery(
                        "insert into series_blocks (project_id, branch, kind, name, profile_name, target, level, block,"
                                + " first_at, first_id, last_at, last_id, points, unit, first_hash, last_hash, run_ids, at_micros,"
                                + " vals, changes) values (:project, :branch, :kind, :name, :profile, :target, :level, :block, "
                                + AT.formatted("firstAt") + ", :firstId, " + AT.formatted("lastAt")
                                + ", :lastId, :points, :unit, :firstHash, :lastHash, cast(:runs as bigint[]),"
                                + " cast(:ats as bigint[]), cast(:vals as double precision[]), cast(:changes as bigint[]))"
                                + " on conflict do nothing")
                .setParameter("project", key.projectId())
                .setParameter("branch", key.branch())
                .setParameter("kind", key.kind())
                .setParameter("name", key.name())
                .setParameter("profile", key.profile())
                .setParameter("target", key.target())
                .setParameter("level", b.level())
                .setParameter("block", b.number())
                .setParameter("firstAt", b.firstAtMicros())
                .setParameter("firstId", b.firstId())
                .setParameter("lastAt", b.lastAtMicros())
                .setParameter("lastId", b.lastId())
                .setParameter("points", b.points())
                .setParameter("unit", b.unit())
                .setParameter("firstHash", b.firstHash())
                .setParameter("lastHash", b.lastHash())
                .setParameter("runs", array(Arrays.stream(b.runIds()).mapToObj(Long::toString)))
                .setParameter("ats", array(Arrays.stream(b.atMicros()).mapToObj(Long::toString)))
                .setParameter("vals", array(Arrays.stream(b.values()).mapToObj(Double::toString)))
                .setParameter("changes", array(Arrays.stream(b.changes()).mapToObj(Long::toString)))
                .executeUpdate();
    }

    /**
     * Sealed blocks of a level that overlap {@code from}–{@code to} (either may be null), numbered
     * from {@code first} to {@code last} (either may be null), in order.
     */
    List<Blocks.Block> blocks(Key key, int level, Instant from, Instant to, Integer first, Integer last) {
        StringBuilder sql =
                new StringBuilder("select b.level, b.block, (extract(epoch from b.first_at) * 1000000)::bigint,"
                        + " b.first_id, (extract(epoch from b.last_at) * 1000000)::bigint, b.last_id, b.points, b.unit,"
                        + " b.first_hash, b.last_hash, array_to_string(b.run_ids, ','), array_to_string(b.at_micros, ','),"
                        + " array_to_string(b.vals, ','), array_to_string(b.changes, ',') from series_blocks b where ");
        Map<String, Object> params = blockKey(key, sql);
        sql.append(" and b.level = :level");
        params.put("level", level);
        if (first != null) {
            sql.append(" and b.block >= :first");
            params.put("first", first);
        }
        if (last != null) {
            sql.append(" and b.block <= :last");
            params.put("last", last);
        }
        if (from != null) {
            sql.append(" and b.last_at >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and b.first_at <= :to");
            params.put("to", to);
        }
        sql.append(" order by b.block");
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query(sql.toString(), params).getResultList();
        return rows.stream()
                .map(r -> new Blocks.Block(
                        ((Number) r[0]).intValue(),
                        ((Number) r[1]).intValue(),
                        ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue(),
                        ((Number) r[4]).longValue(),
                        ((Number) r[5]).longValue(),
                        ((Number) r[6]).intValue(),
                        (String) r[7],
                        (String) r[8],
                        (String) r[9],
                        longs((String) r[10]),
                        longs((String) r[11]),
                        doubles((String) r[12]),
                        longs((String) r[13])))
                .toList();
    }

    private static Map<String, Object> where(Key key, StringBuilder sql, String alias) {
        String m = alias + ".";
        sql.append(m)
                .append("project_id = :project and ")
                .append(m)
                .append("branch = :branch and ")
                .append(m)
                .append("kind = :kind and ")
                .append(m)
                .append("name = :name");
        Map<String, Object> params = new HashMap<>(
                Map.of("project", key.projectId(), "branch", key.branch(), "kind", key.kind(), "name", key.name()));
        sql.append(" and coalesce(").append(m).append("profile_name, '') = :profile");
        sql.append(" and coalesce(").append(m).append("target, '') = :target");
        params.put("profile", key.profile());
        params.put("target", key.target());
        return params;
    }

    private static Map<String, Object> blockKey(Key key, StringBuilder sql) {
        sql.append("b.project_id = :project and b.branch = :branch and b.kind = :kind and b.name = :name"
                + " and b.profile_name = :profile and b.target = :target");
        return new HashMap<>(Map.of(
                "project", key.projectId(),
                "branch", key.branch(),
                "kind", key.kind(),
                "name", key.name(),
                "profile", key.profile(),
                "target", key.target()));
    }

    private Query query(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        return query;
    }

    private static String array(java.util.stream.Stream<String> items) {
        return items.collect(Collectors.joining(",", "{", "}"));
    }

    private static long[] longs(String text) {
        return text.isEmpty()
                ? new long[0]
                : Arrays.stream(text.split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static double[] doubles(String text) {
        return text.isEmpty()
                ? new double[0]
                : Arrays.stream(text.split(","))
                        .mapToDouble(Double::parseDouble)
                        .toArray();
    }
}
