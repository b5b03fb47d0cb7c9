package io.regtrack.archive;

import io.regtrack.alert.Alert;
import io.regtrack.baseline.Release;
import io.regtrack.project.Project;
import io.regtrack.run.Measurement;
import io.regtrack.run.Run;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The reads of an export, a page at a time, and the look-ups of an import. */
@ApplicationScoped
class ArchiveRepository {

    /** Where a page ends: the last row's time and id. */
    record Position(Instant at, long id) {
        static final Position START = new Position(Instant.EPOCH, 0);
    }

    private final EntityManager em;

    ArchiveRepository(EntityManager em) {
        this.em = em;
    }

    List<Release> releases(long projectId) {
        return em.createQuery("from Release where projectId = ?1 order by createdAt, tag", Release.class)
                .setParameter(1, projectId)
                .getResultList();
    }

    Optional<Release> release(long id) {
        return Optional.ofNullable(em.find(Release.class, id));
    }

    /** Runs received up to {@code until}, after {@code after} in (receipt, id) order. */
    List<Run> runs(long projectId, Instant until, Position after, int limit) {
        return em.createQuery(
                        "from Run where projectId = ?1 and receivedAt <= ?2"
                                + " and (receivedAt > ?3 or (receivedAt = ?3 and id > ?4)) order by receivedAt, id",
                        Run.class)
                .setParameter(1, projectId)
                .setParameter(2, until)
                .setParameter(3, after.at())
                .setParameter(4, after.id())
                .setMaxResults(limit)
                .getResultList();
    }

    /** Alerts opened up to {@code until}, after {@code after} in (opening, id) order. */
    List<Alert> alerts(long projectId, Instant until, Position after, int limit) {
        return em.createQuery(
                        "from Alert where projectId = ?1 and openedAt <= ?2"
                                + " and (openedAt > ?3 or (openedAt = ?3 and id > ?4)) order by openedAt, id",
                        Alert.class)
                .setParameter(1, projectId)
                .setParameter(2, until)
                .setParameter(3, after.at())
                .setParameter(4, after.id())
                .setMaxResults(limit)
                .getResultList();
    }

    List<Measurement> measurements(Collection<Long> runIds) {
        if (runIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("from Measurement where runId in ?1 order by runId, kind, name", Measurement.class)
                .setParameter(1, runIds)
                .getResultList();
    }

    /** The export reference of each of these runs, in one read. */
    Map<Long, String> refs(Collection<Long> runIds) {
        Map<Long, String> refs = new HashMap<>();
        if (!runIds.isEmpty()) {
            em.createQuery("from Run where id in ?1", Run.class)
                    .setParameter(1, runIds)
                    .getResultList()
                    .forEach(r -> refs.put(r.id, RunRef.of(r)));
        }
        return refs;
    }

    Optional<Run> run(long projectId, RunRef ref) {
        if (ref.idempotencyKey() != null) {
            return em.createQuery("from Run where projectId = ?1 and idempotencyKey = ?2", Run.class)
                    .setParameter(1, projectId)
                    .setParameter(2, ref.idempotencyKey())
                    .getResultStream()
                    .findFirst();
        }
        return em.createQuery(
                        "from Run where projectId = ?1 and idempotencyKey is null and requestHash = ?2"
                                + " and receivedAt = ?3 order by id",
                        Run.class)
                .setParameter(1, projectId)
                .setParameter(2, ref.requestHash())
                .setParameter(3, ref.receivedAt())
                .getResultStream()
                .findFirst();
    }

    /**
     * Whether this alert is here already: the same change of the same series, detected by the same
     * run at the same moment, or the same culprit found by the same method (one alert per change).
     */
    boolean hasAlert(long projectId, Alert alert) {
        return !em.createQuery(
                        "select a.id from Alert a where a.projectId = ?1 and a.branch = ?2 and a.kind = ?3"
                                + " and a.name = ?4 and a.method = ?5 and coalesce(a.target, '') = ?6"
                                + " and coalesce(a.profileName, '') = ?7 and ((a.detectedRunId = ?8 and a.openedAt = ?9)"
                                + " or a.culpritRunId = ?10)",
                        Long.class)
                .setParameter(1, projectId)
                .setParameter(2, alert.branch)
                .setParameter(3, alert.kind)
                .setParameter(4, alert.name)
                .setParameter(5, alert.method)
                .setParameter(6, alert.target == null ? "" : alert.target)
                .setParameter(7, alert.profileName == null ? "" : alert.profileName)
                .setParameter(8, alert.detectedRunId)
                .setParameter(9, alert.openedAt)
                .setParameter(10, alert.culpritRunId == null ? -1L : alert.culpritRunId)
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    Optional<Release> releaseByTag(long projectId, String tag) {
        return em.createQuery("from Release where projectId = ?1 and tag = ?2", Release.class)
                .setParameter(1, projectId)
                .setParameter(2, tag)
                .getResultStream()
                .findFirst();
    }

    Project project(long id) {
        return em.find(Project.class, id);
    }

    void flush() {
        em.flush();
    }

    void persist(Object entity) {
        em.persist(entity);
    }

    /** Writes what is pending and forgets it, so a long import holds no more than a batch. */
    void flushAndClear() {
        em.flush();
        em.clear();
    }
}
