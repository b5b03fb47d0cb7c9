package io.regtrack.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

/** Webhooks and their deliveries, in PostgreSQL's own SQL. */
@ApplicationScoped
class WebhookRepository {

    /** Where and how to send a project's news. */
    record Target(long id, String url, String secret, String format) {}

    /** A delivery taken for sending, with where it goes. */
    record Due(long id, UUID deliveryId, String event, String body, int attempts, Target target) {}

    private final EntityManager em;

    WebhookRepository(EntityManager em) {
        this.em = em;
    }

    long insert(long projectId, String url, List<String> events, String secret, String format) {
        return ((Number) em.createNativeQuery("insert into webhooks (project_id, url, events, secret, format)"
                                + " values (:project, :url, cast(:events as text[]), :secret, :format) returning id")
                        .unwrap(NativeQuery.class)
                        .setParameter("project", projectId)
                        .setParameter("url", url)
                        .setParameter("events", "{" + String.join(",", events) + "}")
                        .setParameter("secret", secret, StandardBasicTypes.STRING)
                        .setParameter("format", format)
                        .getSingleResult())
                .longValue();
    }

    List<WebhookView> list(long projectId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, url, array_to_string(events, ','), format,"
                        + " secret is not null, created_at from webhooks where project_id = :project order by id")
                .setParameter("project", projectId)
                .getResultList();
        return rows.stream()
                .map(r -> new WebhookView(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        Arrays.asList(((String) r[2]).split(",")),
                        (String) r[3],
                        (Boolean) r[4],
                        instant(r[5])))
                .toList();
    }

    boolean exists(long projectId, long id) {
        return !em.createNativeQuery("select 1 from webhooks where project_id = :project and id = :id")
                .setParameter("project", projectId)
                .setParameter("id", id)
                .getResultList()
                .isEmpty();
    }

    boolean delete(long projectId, long id) {
        return em.createNativeQuery("delete from webhooks where project_id = :project and id = :id")
                        .setParameter("project", projectId)
                        .setParameter("id", id)
                        .executeUpdate()
                > 0;
    }

    List<Target> subscribed(long projectId, String event) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, url, secret, format from webhooks"
                        + " where project_id = :project and :event = any(events)")
                .setParameter("project", projectId)
                .setParameter("event", event)
                .getResultList();
        return rows.stream()
                .map(r -> new Target(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]))
                .toList();
    }

    /** Whether no other alert names this culprit commit: the first alert of its summary. */
    boolean firstOfCulprit(long projectId, String commit, long alertId) {
        return em.createNativeQuery("select 1 from alerts where project_id = :project and culprit_commit = :commit"
                        + " and id <> :id limit 1")
                .setParameter("project", projectId)
                .setParameter("commit", commit)
                .setParameter("id", alertId)
                .getResultList()
                .isEmpty();
    }

    void enqueue(long webhookId, UUID deliveryId, String event, String body) {
        em.createNativeQuery("insert into webhook_deliveries (webhook_id, delivery_id, event, body)"
                        + " values (:webhook, :delivery, :event, :body)")
                .setParameter("webhook", webhookId)
                .setParameter("delivery", deliveryId)
                .setParameter("event", event)
                .setParameter("body", body)
                .executeUpdate();
    }

    List<WebhookView.Delivery> deliveries(long webhookId, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, cast(delivery_id as text), event, state, attempts,"
                        + " last_status, last_error, created_at, delivered_at from webhook_deliveries"
                        + " where webhook_id = :webhook order by id desc limit :limit")
                .setParameter("webhook", webhookId)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new WebhookView.Delivery(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        ((Number) r[4]).intValue(),
                        r[5] == null ? null : ((Number) r[5]).intValue(),
                        (String) r[6],
                        instant(r[7]),
                        r[8] == null ? null : instant(r[8])))
                .toList();
    }

    /**
     * Takes up to {@code limit} deliveries that are due, leasing them for {@code leaseSeconds} so that
     * no other instance sends them meanwhile; one that is not answered for in time is taken again.
     */
    List<Due> claim(int limit, int leaseSeconds) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("update webhook_deliveries d"
                        + " set next_attempt_at = now() + make_interval(secs => :lease), attempts = d.attempts + 1"
                        + " from webhooks w where w.id = d.webhook_id and d.id in (select id from webhook_deliveries"
                        + " where state = 'pending' and next_attempt_at <= now() order by next_attempt_at, id"
                        + " limit :limit for update skip locked)"
                        + " returning d.id, cast(d.delivery_id as text), d.event, d.body, d.attempts, w.id, w.url,"
                        + " w.secret, w.format")
                .setParameter("lease", leaseSeconds)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new Due(
                        ((Number) r[0]).longValue(),
                        UUID.fromString((String) r[1]),
                        (String) r[2],
                        (String) r[3],
                        ((Number) r[4]).intValue(),
                        new Target(((Number) r[5]).longValue(), (String) r[6], (String) r[7], (String) r[8])))
                .toList();
    }

    /** What an attempt came to: delivered, to be tried again at {@code next}, or failed for good ({@code next} null). */
    void answered(long id, boolean delivered, Integer status, String error, Instant next) {
        em.createNativeQuery("update webhook_deliveries set last_status = :status, last_error = :error,"
                        + " state = :state, delivered_at = case when :delivered then now() end,"
                        + " next_attempt_at = coalesce(:next, next_attempt_at) where id = :id")
                .unwrap(NativeQuery.class)
                .setParameter("status", status, StandardBasicTypes.INTEGER)
                .setParameter("error", error, StandardBasicTypes.STRING)
                .setParameter("state", delivered ? "delivered" : next == null ? "failed" : "pending")
                .setParameter("delivered", delivered)
                .setParameter("next", next, StandardBasicTypes.INSTANT)
                .setParameter("id", id)
                .executeUpdate();
    }

    private static Instant instant(Object value) {
        return value instanceof Instant i
                ? i
                : value instanceof java.time.OffsetDateTime o
                        ? o.toInstant()
                        : ((java.sql.Timestamp) value).toInstant();
    }
}
