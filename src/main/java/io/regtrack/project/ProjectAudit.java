package io.regtrack.project;

import io.regtrack.audit.AuditLog;
import io.regtrack.audit.AuditView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** A project's audit trail, for its admins. */
@ApplicationScoped
public class ProjectAudit {

    private final ProjectService projects;
    private final AuditLog log;

    ProjectAudit(ProjectService projects, AuditLog log) {
        this.projects = projects;
        this.log = log;
    }

    @Transactional
    public AuditView.Page page(String slug, String action, String before, String limit) {
        Project project = projects.administrable(slug);
        return log.ofProject(project.id, AuditLog.Query.of(action, before, limit));
    }
}
