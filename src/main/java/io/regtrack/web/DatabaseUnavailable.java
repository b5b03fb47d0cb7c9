package io.regtrack.web;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database could not be reached in time (down, restarting, frozen,
 * or every pooled connection busy past the acquisition timeout) rather than a fault of ours. Such
 * failures are answered {@code 503} with {@code Retry-After}: nothing was stored, try again.
 */
final class DatabaseUnavailable {

    static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {}

    static boolean is(Throwable failure) {
        return is(failure, 0);
    }

    /** Searches the causes and the suppressed failures (a commit that failed keeps its reason there). */
    private static boolean is(Throwable t, int depth) {
        if (t == null || depth > 20) {
            return false;
        }
        if (t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof SQLTransientConnectionException
                || (t instanceof SQLException sql && unreachable(sql))) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (is(suppressed, depth + 1)) {
                return true;
            }
        }
        return t.getCause() != t && is(t.getCause(), depth + 1);
    }

    private static boolean unreachable(SQLException e) {
        String state = e.getSQLState();
        if (state != null
                && (state.startsWith("08") // connection exception
                        || state.equals("57P01") // admin shutdown
                        || state.equals("57P02") // crash shutdown
                        || state.equals("57P03"))) { // cannot connect now (starting, recovering)
            return true;
        }
        String message = e.getMessage();
        return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }
}
