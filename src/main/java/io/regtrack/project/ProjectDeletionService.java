package io.regtrack.project;

import io.regtrack.audit.AuditAction;
import io.regtrack.audit.AuditTrail;
import io.regtrack.auth.Access;
import io.regtrack.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Deletes a project and everything stored of it in one transaction, once no upload of it is in
 * progress; its slug can be created again afterwards, as a new project.
 */
@ApplicationScoped
public class ProjectDeletionService {

    private final ProjectRepository projects;
    private final ProjectDeletionRepository deletions;
    private final ProjectService service;
    private final Access access;
    private final IngestSettings ingestSettings;
    private final AuditTrail audit;

    ProjectDeletionService(
            ProjectRepository projects,
            ProjectDeletionRepository deletions,
            ProjectService service,
            Access access,
            IngestSettings ingestSettings,
            AuditTrail audit) {
        this.projects = projects;
        this.deletions = deletions;
        this.service = service;
        this.access = access;
        this.ingestSettings = ingestSettings;
        this.audit = audit;
    }

    /**
     * Deletes the project (admin) when {@code body} confirms its slug; true when it was there, false
     * when it was not (deleted already): nothing changes then.
     */
    @Transactional
    public boolean delete(String slug, ProjectDeletion body) {
        access.requireSomeAdmin();
        if (body == null || body.confirm() == null || !body.confirm().equals(slug)) {
            throw ProblemException.invalid("confirm", "must be the project's slug, typed again");
        }
        Optional<Project> found = projects.findBySlug(slug);
        if (found.isEmpty()) {
            if (!access.caller().isAdmin()) { // a project's admin learns nothing of other slugs
                throw access.unknownProject(slug, Access.ADMIN_OF_PROJECT);
            }
            return false;
        }
        Project project = found.get();
        access.requireAdminOf(project.id);
        service.holdForDeletion(project);
        ingestSettings.forget(project.slug);
        projects.getEntityManager().detach(project);
        deletions.delete(project.id);
        // Kept with the server's entries: the project's own go with it.
        audit.record(null, access.caller(), AuditAction.PROJECT_DELETED, "project " + slug, new Deleted(project.id));
        return true;
    }

    /** What the audit trail keeps of a deleted project besides its slug. */
    record Deleted(long projectId) {}
}
