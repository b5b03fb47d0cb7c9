package io.regtrack.db;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.Session;

/**
 * Plain JDBC on the persistence context's connection, inside its transaction, for the statements an
 * upload runs every time: there a native query's per-call work (parameter parsing, result typing)
 * cost more than the statement. Positional parameters; an {@link Instant} is sent as a timestamp
 * with time zone.
 */
public final class Jdbc {

    /** Reads rows of a result set, one value per row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    /** Work on the connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection connection) throws SQLException;
    }

    private Jdbc() {}

    public static <T> List<T> query(EntityManager em, String sql, Row<T> row, Object... params) {
        return work(em, connection -> {
            try (PreparedStatement s = prepared(connection, sql, params);
                    ResultSet r = s.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (r.next()) {
                    rows.add(row.read(r));
                }
                return rows;
            }
        });
    }

    /** The first column of each row, as ids. */
    public static List<Long> ids(EntityManager em, String sql, Object... params) {
        return query(em, sql, r -> r.getLong(1), params);
    }

    public static int update(EntityManager em, String sql, Object... params) {
        return work(em, connection -> {
            try (PreparedStatement s = prepared(connection, sql, params)) {
                return s.executeUpdate();
            }
        });
    }

    /** Waits for a transaction-level advisory lock named {@code key}, held alone until the transaction ends. */
    public static void lock(EntityManager em, String key) {
        query(em, "select pg_advisory_xact_lock(hashtextextended(?, 0))", r -> 1, key);
    }

    /** The same lock, shared with other holders of it: only {@link #lock} waits for them. */
    public static void lockShared(EntityManager em, String key) {
        query(em, "select pg_advisory_xact_lock_shared(hashtextextended(?, 0))", r -> 1, key);
    }

    /** An instant from microseconds since the epoch, as the queries read commit times. */
    public static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }

    /** SQL errors arrive as Hibernate's exceptions (a constraint's name included), as from any query. */
    public static <T> T work(EntityManager em, Work<T> work) {
        return em.unwrap(Session.class).doReturningWork(work::on);
    }

    private static PreparedStatement prepared(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement s = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                Object value = params[i];
                s.setObject(i + 1, value instanceof Instant at ? at.atOffset(ZoneOffset.UTC) : value);
            }
            return s;
        } catch (SQLException | RuntimeException e) {
            s.close();
            throw e;
        }
    }
}
