package io.regtrack.baseline;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.regtrack.db.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ReleaseRepository implements PanacheRepository<Release> {

    public Optional<Release> findByTag(long projectId, String tag) {
        return find("projectId = ?1 and tag = ?2", projectId, tag).firstResultOptional();
    }

    /** The newest tag on a commit, if the commit is a release (asked for every baseline). */
    public Optional<String> tagOf(long projectId, String commit) {
        return Jdbc.query(
                        getEntityManager(),
                        "select tag from releases where project_id = ? and commit_sha = ?"
                                + " order by created_at desc, id desc limit 1",
                        r -> r.getString(1),
                        projectId,
                        commit)
                .stream()
                .findFirst();
    }

    /** Gives the commit's releases that have no commit time yet this one. */
    public void dateCommit(long projectId, String commit, Instant committedAt) {
        Jdbc.update( // on every upload
                getEntityManager(),
                "update releases set committed_at = ? where project_id = ? and commit_sha = ? and committed_at is null",
                committedAt,
                projectId,
                commit);
    }

    public List<Release> newestFirst(long projectId, int limit) {
        return find("projectId = ?1 order by committedAt desc nulls first, createdAt desc, id desc", projectId)
                .page(0, limit)
                .list();
    }
}
