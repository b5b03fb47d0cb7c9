package io.regtrack.audit;

import io.regtrack.auth.Access;
import io.regtrack.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads the audit trail: pages of a project's or the server's entries, and the newest entry of subjects. */
@ApplicationScoped
public class AuditLog {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    private final AuditRepository entries;
    private final Access access;

    AuditLog(AuditRepository entries, Access access) {
        this.entries = entries;
        this.access = access;
    }

    /** The query a page is asked with, checked: {@code action} a known action, {@code limit} 1–200, {@code before} an entry id. */
    public record Query(AuditAction action, Long before, int limit) {

        public static Query of(String action, String before, String limit) {
            AuditAction wanted = action == null || action.isBlank()
                    ? null
                    : AuditAction.fromWire(action.strip())
                            .orElseThrow(
                                    () -> ProblemException.invalid("action", "must be one of " + AuditAction.NAMES));
            Long most = number("limit", limit, 1, MAX_LIMIT);
            return new Query(
                    wanted,
                    number("before", before, 1, Long.MAX_VALUE),
                    most == null ? DEFAULT_LIMIT : most.intValue());
        }

        private static Long number(String field, String value, long min, long max) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                long n = Long.parseLong(value.strip());
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw ProblemException.invalid(field, "must be a whole number from " + min + " to " + max);
        }
    }

    /** A page of a project's entries; the caller was checked by whoever names the project. */
    @Transactional
    public AuditView.Page ofProject(long projectId, Query query) {
        return page(projectId, query);
    }

    /** A page of the server's own entries (its admin tokens): for an admin of the server. */
    @Transactional
    public AuditView.Page ofServer(Query query) {
        access.requireAdmin();
        return page(null, query);
    }

    /** The newest entry of an action for each subject, by subject. */
    public Map<String, AuditView> newest(long projectId, AuditAction action, List<String> subjects) {
        return entries.newestPerSubject(projectId, action.wire(), subjects).stream()
                .collect(Collectors.toMap(AuditView::subject, Function.identity()));
    }

    private AuditView.Page page(Long projectId, Query query) {
        List<AuditView> found = entries.page(
                projectId, query.action() == null ? null : query.action().wire(), query.before(), query.limit() + 1);
        boolean more = found.size() > query.limit();
        List<AuditView> shown = more ? found.subList(0, query.limit()) : found;
        return new AuditView.Page(shown, more ? shown.get(shown.size() - 1).id() : null);
    }
}
