package io.regtrack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A long history written straight into the database by the benchmark's own seed
 * ({@code bench/seed-series.sql}): runs an hour apart on main, each with a size and a runtime, a
 * release every 1,000 commits, a size step and a profile change at two thirds.
 */
public final class LongHistory {

    private LongHistory() {}

    /** Seeds a public project {@code slug} with {@code runs} runs. */
    public static void seed(DataSource db, String slug, int runs) {
        try {
            String sql = Files.readAllLines(Path.of("bench", "seed-series.sql")).stream()
                    .filter(line -> !line.startsWith("\\") && !line.startsWith("--"))
                    .filter(line -> !line.matches("(begin|commit|vacuum analyze);"))
                    .collect(Collectors.joining("\n"))
                    .replace("'bench-history'", "'" + slug + "'")
                    .replace(":runs", Integer.toString(runs));
            try (Connection c = db.getConnection();
                    Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute(sql);
                c.commit();
                c.setAutoCommit(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
