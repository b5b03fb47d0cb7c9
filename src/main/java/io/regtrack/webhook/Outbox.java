package io.regtrack.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regtrack.alert.AlertEvent;
import io.regtrack.alert.AlertView;
import io.regtrack.baseline.ReleaseMarked;
import io.regtrack.ingest.RunJudged;
import io.regtrack.project.Project;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Turns what happened in a transaction into deliveries for the project's webhooks, written in that
 * same transaction: news goes out only if it was committed, and is not lost if the service stops.
 * A project without webhooks costs one indexed read per piece of news, and a plain upload none.
 */
@ApplicationScoped
class Outbox {

    private final WebhookRepository webhooks;
    private final ObjectMapper json;
    private final String publicUrl;
    private final TransactionSynchronizationRegistry transaction;

    Outbox(
            WebhookRepository webhooks,
            ObjectMapper json,
            @ConfigProperty(name = "regtrack.server.public-url") String publicUrl,
            TransactionSynchronizationRegistry transaction) {
        this.webhooks = webhooks;
        this.transaction = transaction;
        this.json = json;
        this.publicUrl = publicUrl.replaceFirst("/+$", "");
    }

    void onAlert(@Observes AlertEvent e) {
        AlertView a = e.alert();
        String slug = e.project().slug;
        String commit =
                a.culprit() != null ? a.culprit().commit() : a.detectedAt().commit();
        String where =
                a.kind() + " " + a.name() + (a.profile() == null ? "" : " (" + a.profile() + ")") + " on " + a.branch();
        String alerts = publicUrl + "/projects/" + slug + "/alerts";
        if (AlertEvent.OPENED.equals(e.event())) {
            enqueue(
                    e.project(),
                    new News(
                            News.ALERT_OPENED,
                            slug,
                            Map.of("alert", a, "url", alerts),
                            "regtrack · " + slug + ": " + a.direction() + " in " + where + ": "
                                    + a.shown().before() + " → "
                                    + a.shown().after() + " (" + a.shown().delta() + ") from commit "
                                    + News.shortSha(commit)
                                    + " · " + alerts));
            if (a.culprit() != null
                    && webhooks.firstOfCulprit(e.project().id, a.culprit().commit(), a.id())) {
                enqueue(
                        e.project(),
                        new News(
                                News.SUMMARY_OPENED,
                                slug,
                                Map.of("commit", commit, "runId", a.culprit().runId(), "url", alerts),
                                "regtrack · " + slug + ": commit " + News.shortSha(commit) + " changed " + where
                                        + " and perhaps more · " + alerts));
            }
        } else if (AlertEvent.FIXED.equals(e.event())) {
            enqueue(
                    e.project(),
                    new News(
                            News.ALERT_FIXED,
                            slug,
                            Map.of("alert", a, "url", alerts),
                            "regtrack · " + slug + ": fixed: " + where + " is back to "
                                    + a.shown().before() + " · " + alerts));
        }
    }

    void onRun(@Observes RunJudged e) {
        if (!"regressed".equals(e.run().status)) {
            return;
        }
        String slug = e.project().slug;
        String url = publicUrl + "/projects/" + slug + "/runs/" + e.run().id;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("runId", e.run().id);
        data.put("commit", e.run().commitSha);
        data.put("branch", e.run().branch);
        data.put("status", e.run().status);
        data.put("url", url);
        enqueue(
                e.project(),
                new News(
                        News.RUN_REGRESSED,
                        slug,
                        data,
                        "regtrack · " + slug + ": the run of " + News.shortSha(e.run().commitSha) + " on "
                                + e.run().branch + " regressed · " + url));
    }

    void onRelease(@Observes ReleaseMarked e) {
        String slug = e.project().slug;
        enqueue(
                e.project(),
                new News(
                        News.RELEASE_CREATED,
                        slug,
                        Map.of("release", e.release()),
                        "regtrack · " + slug + ": release " + e.release().tag() + " at "
                                + News.shortSha(e.release().commit())));
    }

    /** The culprits whose summary this transaction announced already (its alerts are not flushed yet). */
    @SuppressWarnings("unchecked")
    private Set<String> announced() {
        Object set = transaction.getResource(Outbox.class);
        if (set == null) {
            set = new HashSet<String>();
            transaction.putResource(Outbox.class, set);
        }
        return (Set<String>) set;
    }

    private void enqueue(Project project, News news) {
        List<WebhookRepository.Target> targets = webhooks.subscribed(project.id, news.event());
        for (WebhookRepository.Target target : targets) {
            UUID id = UUID.randomUUID();
            webhooks.enqueue(target.id(), id, news.event(), body(id, news, target.format()));
        }
    }

    private String body(UUID id, News news, String format) {
        Map<String, Object> body = new LinkedHashMap<>();
        if ("slack".equals(format)) {
            body.put("text", news.text());
        } else {
            body.put("deliveryId", id.toString());
            body.put("event", news.event());
            body.put("project", news.project());
            body.put("occurredAt", Instant.now().toString());
            body.put("data", news.data());
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
