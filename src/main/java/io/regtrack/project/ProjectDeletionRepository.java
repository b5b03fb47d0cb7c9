package io.regtrack.project;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** The statements that remove a project and everything stored of it. */
@ApplicationScoped
class ProjectDeletionRepository {

    /**
     * In this order: the pinned release is let go, alerts go before the runs they name, measurements
     * before their runs (their triggers drop the series' blocks and catalogue), deliveries with their
     * webhooks; the project's row last, which takes whatever else names it (on delete cascade).
     */
    private static final List<String> STATEMENTS = List.of(
            "update projects set pinned_release_id = null where id = :project",
            "delete from alerts where project_id = :project",
            "delete from measurements where project_id = :project",
            "delete from runs where project_id = :project",
            "delete from releases where project_id = :project",
            "delete from series_blocks where project_id = :project",
            "delete from series_block_marks where project_id = :project",
            "delete from series_catalog where project_id = :project",
            "delete from webhook_deliveries where webhook_id in (select id from webhooks where project_id = :project)",
            "delete from webhooks where project_id = :project",
            "delete from tokens where project_id = :project",
            "delete from projects where id = :project");

    private final EntityManager em;

    ProjectDeletionRepository(EntityManager em) {
        this.em = em;
    }

    void delete(long projectId) {
        for (String statement : STATEMENTS) {
            em.createNativeQuery(statement).setParameter("project", projectId).executeUpdate();
        }
    }
}
