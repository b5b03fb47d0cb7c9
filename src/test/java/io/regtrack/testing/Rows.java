package io.regtrack.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Counts what is really stored, straight from PostgreSQL. */
public final class Rows {

    private Rows() {}

    public static long runs(DataSource db, String slug) {
        return count(db, "select count(*) from runs r join projects p on p.id = r.project_id where p.slug = ?", slug);
    }

    public static long measurements(DataSource db, String slug) {
        return count(
                db,
                "select count(*) from measurements m join projects p on p.id = m.project_id where p.slug = ?",
                slug);
    }

    public static void update(DataSource db, String sql) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String text(DataSource db, String sql, Object... args) {
        return first(db, sql, args, rs -> rs.getString(1));
    }

    public static long count(DataSource db, String sql, Object... args) {
        return first(db, sql, args, rs -> rs.getLong(1));
    }

    /** Every row of a query, each as its columns by label, in the query's order. */
    public static List<Map<String, Object>> of(DataSource db, String sql, Object... args) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData columns = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.getColumnCount(); i++) {
                        row.put(columns.getColumnLabel(i), rs.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Column<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** The first row's value of a query. */
    private static <T> T first(DataSource db, String sql, Object[] args, Column<T> column) {
        try (Connection c = db.getConnection();
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return column.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
