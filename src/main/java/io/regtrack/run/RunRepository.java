package io.regtrack.run;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.regtrack.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.Session;

@ApplicationScoped
public class RunRepository implements PanacheRepository<Run> {

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /** Looked up by its id first: asked on every upload with a key, found rarely. */
    public Optional<Run> findByIdempotencyKey(long projectId, String key) {
        return Jdbc.ids(
                        getEntityManager(),
                        "select id from runs where project_id = ? and idempotency_key = ?",
                        projectId,
                        key)
                .stream()
                .findFirst()
                .flatMap(this::readOnly);
    }

    /** The request fingerprint stored under each of these idempotency keys that is taken, in one read. */
    public Map<String, String> requestHashesByKey(long projectId, Collection<String> keys) {
        Map<String, String> hashes = new HashMap<>();
        if (!keys.isEmpty()) {
            getEntityManager()
                    .createQuery(
                            "select r.idempotencyKey, r.requestHash from Run r where r.projectId = :project"
                                    + " and r.idempotencyKey in :keys",
                            Object[].class)
                    .setParameter("project", projectId)
                    .setParameter("keys", keys)
                    .getResultList()
                    .forEach(row -> hashes.put((String) row[0], (String) row[1]));
        }
        return hashes;
    }

    public Optional<Run> findInProject(long projectId, long runId) {
        return find("projectId = ?1 and id = ?2", projectId, runId).firstResultOptional();
    }

    /** The run, or a 404 naming it. */
    /** The newest upload of a commit of the same build. */
    public Optional<Run> newestOfCommit(long projectId, String commit, BuildKey build) {
        Parameters params = Parameters.with("project", projectId).and("commit", commit);
        build.parameters().forEach(params::and);
        return find(
                        "projectId = :project and commitSha = :commit" + build.condition("")
                                + " order by receivedAt desc, id desc",
                        params)
                .firstResultOptional();
    }

    /**
     * The newest run of the same build, committed at or before {@code at}, of a commit other than
     * {@code commit} that is a release: the run a release baseline is read from. Read from the
     * project's releases, each looking up its commit's runs in the commit index, so it costs the
     * same however many runs were uploaded since the release.
     */
    public Optional<Run> newestReleaseRun(long projectId, String commit, Instant at, BuildKey build) {
        String sql = "select r.id from releases rel cross join lateral (select r.id, r.committed_at, r.received_at"
                + " from runs r where r.project_id = rel.project_id and r.commit_sha = rel.commit_sha"
                + " and r.committed_at <= ?"
                + " and r.target is not distinct from cast(? as text)"
                + " and r.profile_name is not distinct from cast(? as text)"
                + " order by r.committed_at desc, r.received_at desc, r.id desc limit 1) r"
                + " where rel.project_id = ? and rel.commit_sha <> ?"
                + " order by r.committed_at desc, r.received_at desc, r.id desc limit 1";
        return Jdbc.ids(getEntityManager(), sql, at, build.target(), build.profile(), projectId, commit).stream()
                .findFirst()
                .flatMap(this::readOnly);
    }

    /** The newest run on a branch, of one build when {@code build} is given. */
    public Optional<Run> newestOnBranch(long projectId, String branch, BuildKey build) {
        Parameters params = Parameters.with("project", projectId).and("branch", branch);
        String condition = "";
        if (build != null) {
            build.parameters().forEach(params::and);
            condition = build.condition("");
        }
        return find(
                        "projectId = :project and branch = :branch" + condition
                                + " order by committedAt desc, receivedAt desc, id desc",
                        params)
                .firstResultOptional();
    }

    /** Up to {@code limit} distinct commits of the project that start with {@code prefix} (lower case). */
    public List<String> commitsStartingWith(long projectId, String prefix, int limit) {
        return getEntityManager()
                .createQuery(
                        "select distinct r.commitSha from Run r where r.projectId = :project"
                                + " and r.commitSha like :prefix order by r.commitSha",
                        String.class)
                .setParameter("project", projectId)
                .setParameter("prefix", prefix.replace("%", "").replace("_", "") + "%")
                .setMaxResults(limit)
                .getResultList();
    }

    /** Writes a stored run's status and answer again: after a deletion took its baseline away. */
    public void storeAnswer(long runId, String status, com.fasterxml.jackson.databind.JsonNode answer) {
        String comparison;
        try {
            comparison = JSON.writeValueAsString(answer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Could not write a run's answer", e);
        }
        Jdbc.update(
                getEntityManager(),
                "update runs set status = ?, comparison = cast(? as jsonb) where id = ?",
                status,
                comparison,
                runId);
    }

    /** Other uploads of the same commit (rebuilds), oldest first. */
    public List<Run> otherUploadsOf(long projectId, String commit, long excludedRunId) {
        return Jdbc.ids(
                        getEntityManager(),
                        "select id from runs where project_id = ? and commit_sha = ? and id <> ?"
                                + " order by received_at, id",
                        projectId,
                        commit,
                        excludedRunId)
                .stream()
                .flatMap(id -> readOnly(id).stream())
                .toList();
    }

    /** Every upload of a commit, newest upload first. */
    public List<Run> uploadsOf(long projectId, String commit) {
        return list("projectId = ?1 and commitSha = ?2 order by receivedAt desc, id desc", projectId, commit);
    }

    /** When a commit was made, as its first upload says, if it has one. */
    public Optional<Instant> commitTime(long projectId, String commit) {
        return find("projectId = ?1 and commitSha = ?2 order by committedAt", projectId, commit)
                .firstResultOptional()
                .map(r -> r.committedAt);
    }

    /** These runs by id, in one read. */
    public Map<Long, Run> byIds(Collection<Long> runIds) {
        Map<Long, Run> byId = new HashMap<>();
        if (!runIds.isEmpty()) {
            list("id in ?1", List.copyOf(runIds)).forEach(r -> byId.put(r.id, r));
        }
        return byId;
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
        Jdbc.lock(getEntityManager(), key);
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

    /** A stored run, never compared with a snapshot at the flush: stored runs do not change. */
    private Optional<Run> readOnly(long id) {
        return getEntityManager()
                .unwrap(Session.class)
                .byId(Run.class)
                .withReadOnly(true)
                .loadOptional(id);
    }
}
