package io.regtrack.deletion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** The statements that remove a run, and the runs whose stored answer named it. */
@ApplicationScoped
class RunDeletionRepository {

    private final EntityManager em;

    RunDeletionRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * The other runs of the project whose stored answer names the run: judged against it, or warned
     * of a size that differs from it (a rebuild of the same commit), oldest first.
     */
    List<Long> answersNaming(long projectId, long runId, String commit) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("select id from runs where project_id = :project and id <> :run"
                        + " and (comparison -> 'baseline' ->> 'runId' = cast(:run as text) or commit_sha = :commit)"
                        + " order by committed_at, id")
                .setParameter("project", projectId)
                .setParameter("run", runId)
                .setParameter("commit", commit)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Removes the run and its measurements (their series' blocks and catalogue follow by trigger);
     * an alert still detected by it goes with it, an alert that came after it as a release keeps
     * the release's tag only.
     */
    void delete(long runId) {
        em.createNativeQuery("delete from measurements where run_id = :run")
                .setParameter("run", runId)
                .executeUpdate();
        em.createNativeQuery("delete from runs where id = :run")
                .setParameter("run", runId)
                .executeUpdate();
    }
}
