package io.regtrack.alert;

import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.web.InputCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Alerts as people read and triage them: lists, summaries by culprit, and triage decisions. */
@ApplicationScoped
public class TriageService {

    /** Alerts listed at most, newest first. */
    static final int MAX_LISTED = 500;
    /** Alerts grouped into summaries at most, newest first. */
    static final int MAX_SUMMARISED = 2_000;

    private final ProjectService projects;
    private final AlertRepository alerts;
    private final InputCheck input;

    TriageService(ProjectService projects, AlertRepository alerts, InputCheck input) {
        this.projects = projects;
        this.alerts = alerts;
        this.input = input;
    }

    /**
     * @param status    a triage state, or null for any
     * @param direction {@code regression}, {@code improvement}, or null for any
     */
    @Transactional
    public List<AlertView> list(String slug, String status, String direction) {
        Project project = projects.readable(slug);
        return alerts.list(project.id, status, direction, MAX_LISTED).stream()
                .map(AlertView::of)
                .toList();
    }

    @Transactional
    public List<AlertSummaryView> summaries(String slug, String status, String direction) {
        Project project = projects.readable(slug);
        return AlertSummaryView.of(alerts.list(project.id, status, direction, MAX_SUMMARISED));
    }

    @Transactional
    public AlertView triage(String slug, long id, AlertTriage body) {
        Project project = projects.ingestible(slug);
        AlertTriage triage = input.valid(body);
        Alert alert = alerts.findInProject(project.id, id)
                .orElseThrow(() -> ProblemException.notFound("No alert " + id + " in project '" + slug + "'"));
        alert.status = triage.status();
        if (triage.note() != null) {
            alert.note = triage.note();
        }
        alert.updatedAt = Instant.now();
        alerts.flush();
        return AlertView.of(alert);
    }
}
