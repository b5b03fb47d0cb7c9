package io.regtrack.alert;

import io.regtrack.audit.AuditAction;
import io.regtrack.audit.AuditLog;
import io.regtrack.audit.AuditTrail;
import io.regtrack.audit.AuditView;
import io.regtrack.auth.Access;
import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.web.InputCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alerts as people read and triage them: lists, summaries by culprit, and triage decisions, each in
 * the audit trail, from which the lists say who last triaged an alert and when.
 */
@ApplicationScoped
public class TriageService {

    /** Alerts listed at most, newest first. */
    static final int MAX_LISTED = 500;
    /** Alerts grouped into summaries at most, newest first. */
    static final int MAX_SUMMARISED = 2_000;

    private final ProjectService projects;
    private final AlertRepository alerts;
    private final InputCheck input;
    private final Access access;
    private final AuditTrail audit;
    private final AuditLog auditLog;

    TriageService(
            ProjectService projects,
            AlertRepository alerts,
            InputCheck input,
            Access access,
            AuditTrail audit,
            AuditLog auditLog) {
        this.projects = projects;
        this.alerts = alerts;
        this.input = input;
        this.access = access;
        this.audit = audit;
        this.auditLog = auditLog;
    }

    /** What the audit trail keeps of a triage decision. */
    record TriageDetail(String from, String to, String note) {}

    /**
     * @param status    a triage state, or null for any
     * @param direction {@code regression}, {@code improvement}, or null for any
     */
    @Transactional
    public List<AlertView> list(String slug, String status, String direction) {
        Project project = projects.readable(slug);
        List<Alert> found = alerts.list(project.id, status, direction, MAX_LISTED);
        Map<Long, AlertView.Triaged> triaged = triaged(project, found);
        return found.stream().map(a -> AlertView.of(a, triaged.get(a.id))).toList();
    }

    @Transactional
    public List<AlertSummaryView> summaries(String slug, String status, String direction) {
        Project project = projects.readable(slug);
        List<Alert> found = alerts.list(project.id, status, direction, MAX_SUMMARISED);
        return AlertSummaryView.of(found, triaged(project, found));
    }

    @Transactional
    public AlertView triage(String slug, long id, AlertTriage body) {
        Project project = projects.ingestible(slug);
        AlertTriage triage = input.valid(body);
        // Shared with uploads, after any deletion in progress, which may remove or move this alert.
        projects.holdForUpload(project);
        Alert alert = alerts.findInProject(project.id, id)
                .orElseThrow(() -> ProblemException.notFound("No alert " + id + " in project '" + slug + "'"));
        String from = alert.status;
        alert.status = triage.status();
        if (triage.note() != null) {
            alert.note = triage.note();
        }
        alert.updatedAt = Instant.now();
        alerts.flush();
        audit.record(
                project.id,
                access.caller(),
                AuditAction.ALERT_TRIAGED,
                subject(alert.id),
                new TriageDetail(from, alert.status, triage.note()));
        return AlertView.of(alert, triaged(project, List.of(alert)).get(alert.id));
    }

    /** Who last triaged each alert, and when: the newest triage entry of each in the audit trail. */
    private Map<Long, AlertView.Triaged> triaged(Project project, List<Alert> found) {
        Map<String, AuditView> newest = auditLog.newest(
                project.id,
                AuditAction.ALERT_TRIAGED,
                found.stream().map(a -> subject(a.id)).toList());
        Map<Long, AlertView.Triaged> by = new java.util.HashMap<>();
        for (Alert a : found) {
            AuditView entry = newest.get(subject(a.id));
            if (entry != null) {
                by.put(
                        a.id,
                        new AlertView.Triaged(
                                entry.actor().name(),
                                entry.at(),
                                entry.detail().path("to").asText(null)));
            }
        }
        return by;
    }

    private static String subject(long alertId) {
        return "alert " + alertId;
    }
}
