package io.regtrack.project;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.regtrack.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ProjectRepository implements PanacheRepository<Project> {

    /** Empty for a name that cannot be a slug, without asking the database. */
    public Optional<Project> findBySlug(String slug) {
        if (slug == null || !slug.matches(Slug.PATTERN)) {
            return Optional.empty();
        }
        return find("slug", slug).firstResultOptional();
    }

    /** Public projects, plus the one project a project token belongs to (if any). */
    public List<Project> listVisible(Long ownProjectId) {
        return list("isPublic = true or id = ?1 order by slug", ownProjectId == null ? -1L : ownProjectId);
    }

    public List<Project> listAll() {
        return list("order by slug");
    }

    /**
     * Holds a project's runs for an upload until the transaction ends: uploads share the hold, a
     * deletion ({@link #holdAlone}) has it alone, so no upload judges against a run being deleted
     * nor stores into a project being deleted. False when the project is gone meanwhile.
     */
    boolean holdShared(long projectId) {
        Jdbc.lockShared(getEntityManager(), holdKey(projectId));
        // A statement of its own: it reads what was committed while the hold was awaited.
        return !Jdbc.ids(getEntityManager(), "select id from projects where id = ?", projectId)
                .isEmpty();
    }

    /** Holds a project's runs alone until the transaction ends, once every upload in progress ended. */
    void holdAlone(long projectId) {
        Jdbc.lock(getEntityManager(), holdKey(projectId));
    }

    private static String holdKey(long projectId) {
        return "runs " + projectId;
    }
}
