package io.regtrack.webhook;

import io.regtrack.audit.AuditAction;
import io.regtrack.audit.AuditTrail;
import io.regtrack.auth.Access;
import io.regtrack.problem.ProblemException;
import io.regtrack.problem.Violation;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.web.InputCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project's webhooks, managed by an admin: register, list, remove (each in the audit trail), and
 * see their deliveries.
 */
@ApplicationScoped
public class WebhookService {

    static final int MAX_DELIVERIES = 200;

    private final ProjectService projects;
    private final WebhookRepository webhooks;
    private final InputCheck input;
    private final WebhookConfig config;
    private final Access access;
    private final AuditTrail audit;

    WebhookService(
            ProjectService projects,
            WebhookRepository webhooks,
            InputCheck input,
            WebhookConfig config,
            Access access,
            AuditTrail audit) {
        this.projects = projects;
        this.webhooks = webhooks;
        this.input = input;
        this.config = config;
        this.access = access;
        this.audit = audit;
    }

    /** What the audit trail keeps of a webhook: where it sends what, never its secret. */
    record Detail(String url, List<String> events, String format) {}

    @Transactional
    public WebhookView create(String slug, NewWebhook body) {
        Project project = projects.administrable(slug);
        NewWebhook hook = input.valid(body);
        List<Violation> wrong = new ArrayList<>();
        Targets.refusal(hook.url(), config.allowPrivateAddresses())
                .ifPresent(why -> wrong.add(new Violation("url", why)));
        for (int i = 0; i < hook.events().size(); i++) {
            if (!News.EVENTS.contains(hook.events().get(i))) {
                wrong.add(new Violation(
                        "events[" + i + "]",
                        "must be one of "
                                + String.join(
                                        ", ", News.EVENTS.stream().sorted().toList())));
            }
        }
        String format = Optional.ofNullable(hook.format()).orElse("json");
        if (!format.equals("json") && !format.equals("slack")) {
            wrong.add(new Violation("format", "must be json or slack"));
        }
        if (!wrong.isEmpty()) {
            throw ProblemException.invalid(wrong);
        }
        List<String> events = hook.events().stream().distinct().toList();
        long id = webhooks.insert(project.id, hook.url(), events, hook.secret(), format);
        audit.record(
                project.id,
                access.caller(),
                AuditAction.WEBHOOK_ADDED,
                "webhook " + id,
                new Detail(hook.url(), events, format));
        return find(project.id, id).orElseThrow();
    }

    @Transactional
    public List<WebhookView> list(String slug) {
        return webhooks.list(projects.administrable(slug).id);
    }

    @Transactional
    public void delete(String slug, long id) {
        Project project = projects.administrable(slug);
        Optional<WebhookView> gone = find(project.id, id);
        if (webhooks.delete(project.id, id)) { // idempotent: gone is gone
            WebhookView hook = gone.orElseThrow();
            audit.record(
                    project.id,
                    access.caller(),
                    AuditAction.WEBHOOK_REMOVED,
                    "webhook " + id,
                    new Detail(hook.url(), hook.events(), hook.format()));
        }
    }

    private Optional<WebhookView> find(long projectId, long id) {
        return webhooks.list(projectId).stream().filter(w -> w.id() == id).findFirst();
    }

    @Transactional
    public List<WebhookView.Delivery> deliveries(String slug, long id, int limit) {
        Project project = projects.administrable(slug);
        if (!webhooks.exists(project.id, id)) {
            throw ProblemException.notFound("No webhook " + id + " in project '" + slug + "'");
        }
        if (limit < 1 || limit > MAX_DELIVERIES) {
            throw ProblemException.invalid("limit", "must be between 1 and " + MAX_DELIVERIES);
        }
        return webhooks.deliveries(id, limit);
    }
}
