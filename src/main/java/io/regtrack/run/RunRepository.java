package io.regtrack.run;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.regtrack.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class RunRepository implements PanacheRepository<Run> {

    public Optional<Run> findByIdempotencyKey(long projectId, String key) {
        return find("projectId = ?1 and idempotencyKey = ?2", projectId, key).firstResultOptional();
    }

    public Optional<Run> findInProject(long projectId, long runId) {
        return find("projectId = ?1 and id = ?2", projectId, runId).firstResultOptional();
    }

    /** The run, or a 404 naming it. */
    public Run requireInProject(long projectId, String slug, long runId) {
        return findInProject(projectId, runId)
                .orElseThrow(() -> ProblemException.notFound("No run " + runId + " in project '" + slug + "'"));
    }

    /** The newest upload of a commit built for the same target and profile. */
    public Optional<Run> newestOfCommit(long projectId, String commit, String target, String profile) {
        Parameters params = Parameters.with("project", projectId).and("commit", commit);
        String query = "projectId = :project and commitSha = :commit" + sameBuild("", target, profile, params)
                + " order by receivedAt desc, id desc";
        return find(query, params).firstResultOptional();
    }

    /** Other uploads of the same commit (rebuilds), oldest first. */
    public List<Run> otherUploadsOf(long projectId, String commit, long excludedRunId) {
        return list(
                "projectId = ?1 and commitSha = ?2 and id <> ?3 order by receivedAt, id",
                projectId,
                commit,
                excludedRunId);
    }

    /** The commit of each of these runs. */
    public Map<Long, String> commitsOf(Collection<Long> runIds) {
        Map<Long, String> commits = new HashMap<>();
        if (!runIds.isEmpty()) {
            getEntityManager()
                    .createQuery("select r.id, r.commitSha from Run r where r.id in :ids", Object[].class)
                    .setParameter("ids", new HashSet<>(runIds))
                    .getResultList()
                    .forEach(row -> commits.put((Long) row[0], (String) row[1]));
        }
        return commits;
    }

    /**
     * Serialises, until the current transaction ends, every writer that takes the same key: the
     * check-then-insert of a release or an alert stays correct when uploads arrive together.
     */
    public void lock(String key) {
        getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, key)
                .getSingleResult();
    }

    /**
     * A query condition for "same target and profile name" on the run named {@code alias} (empty
     * for an unnamed one), null meaning "not given".
     */
    public static String sameBuild(String alias, String target, String profile, Parameters params) {
        String run = alias.isEmpty() ? "" : alias + ".";
        StringBuilder condition = new StringBuilder();
        if (target == null) {
            condition.append(" and ").append(run).append("target is null");
        } else {
            condition.append(" and ").append(run).append("target = :target");
            params.and("target", target);
        }
        if (profile == null) {
            condition.append(" and ").append(run).append("profileName is null");
        } else {
            condition.append(" and ").append(run).append("profileName = :profile");
            params.and("profile", profile);
        }
        return condition.toString();
    }

    /** Newest commit first; after (committedAt, id) when a page position is given. */
    public List<Run> page(long projectId, String branch, RunCursor after, int limit) {
        StringBuilder query = new StringBuilder("projectId = :project");
        Parameters params = Parameters.with("project", projectId);
        if (branch != null) {
            query.append(" and branch = :branch");
            params.and("branch", branch);
        }
        if (after != null) {
            query.append(" and (committedAt < :at or (committedAt = :at and id < :id))");
            params.and("at", after.committedAt()).and("id", after.id());
        }
        query.append(" order by committedAt desc, id desc");
        return find(query.toString(), params).page(0, limit).list();
    }

    public record RunCursor(Instant committedAt, long id) {}
}
