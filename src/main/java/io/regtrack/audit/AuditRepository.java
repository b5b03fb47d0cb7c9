package io.regtrack.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/** Audit entries, in PostgreSQL's own SQL. */
@ApplicationScoped
class AuditRepository {

    record Actor(String name, Long tokenId, String repository, String ref) {}

    private static final String COLUMNS =
            "id, at, action, subject, actor, actor_token_id, actor_repository, actor_ref, detail::text";

    private final EntityManager em;
    private final ObjectMapper json;

    AuditRepository(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    void insert(Long projectId, String action, String subject, Actor actor, String detail) {
        em.createNativeQuery("insert into audit_events (project_id, action, subject, actor, actor_token_id,"
                        + " actor_repository, actor_ref, detail) values (:project, :action, :subject, :actor, :token,"
                        + " :repository, :ref, cast(:detail as jsonb))")
                .unwrap(NativeQuery.class)
                .setParameter("project", projectId, StandardBasicTypes.LONG)
                .setParameter("action", action)
                .setParameter("subject", subject)
                .setParameter("actor", actor.name())
                .setParameter("token", actor.tokenId(), StandardBasicTypes.LONG)
                .setParameter("repository", actor.repository(), StandardBasicTypes.STRING)
                .setParameter("ref", actor.ref(), StandardBasicTypes.STRING)
                .setParameter("detail", detail)
                .executeUpdate();
    }

    /**
     * Entries of a project (or of the server when {@code projectId} is null), newest first, older than
     * the entry {@code before} when given, of one action when given.
     */
    List<AuditView> page(Long projectId, String action, Long before, int limit) {
        String sql = "select " + COLUMNS + " from audit_events where "
                + (projectId == null ? "project_id is null" : "project_id = :project")
                + (action == null ? "" : " and action = :action")
                + (before == null ? "" : " and id < :before")
                + " order by id desc limit :limit";
        var query = em.createNativeQuery(sql).setParameter("limit", limit);
        if (projectId != null) {
            query.setParameter("project", projectId);
        }
        if (action != null) {
            query.setParameter("action", action);
        }
        if (before != null) {
            query.setParameter("before", before);
        }
        return views(query.getResultList());
    }

    /** The newest entry of an action for each of these subjects of a project. */
    List<AuditView> newestPerSubject(long projectId, String action, List<String> subjects) {
        if (subjects.isEmpty()) {
            return List.of();
        }
        return views(em.createNativeQuery("select distinct on (subject) " + COLUMNS + " from audit_events"
                        + " where project_id = :project and action = :action and subject in (:subjects)"
                        + " order by subject, id desc")
                .setParameter("project", projectId)
                .setParameter("action", action)
                .setParameter("subjects", subjects)
                .getResultList());
    }

    private List<AuditView> views(List<?> rows) {
        return rows.stream()
                .map(row -> {
                    Object[] r = (Object[]) row;
                    return new AuditView(
                            ((Number) r[0]).longValue(),
                            instant(r[1]),
                            (String) r[2],
                            (String) r[3],
                            new AuditView.Actor(
                                    (String) r[4],
                                    r[5] == null ? null : ((Number) r[5]).longValue(),
                                    (String) r[6],
                                    (String) r[7]),
                            tree((String) r[8]));
                })
                .toList();
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored audit detail is not JSON", e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
