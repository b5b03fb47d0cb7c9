package io.regtrack.baseline;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

@ApplicationScoped
public class ReleaseRepository implements PanacheRepository<Release> {

    public Optional<Release> findByTag(long projectId, String tag) {
        return find("projectId = ?1 and tag = ?2", projectId, tag).firstResultOptional();
    }

    /** The newest tag on a commit, if the commit is a release. */
    public Optional<Release> findByCommit(long projectId, String commit) {
        return find("projectId = ?1 and commitSha = ?2 order by createdAt desc, id desc", projectId, commit)
                .firstResultOptional();
    }

    /** Gives the commit's releases that have no commit time yet this one. */
    public void dateCommit(long projectId, String commit, Instant committedAt) {
        // Plain JDBC: run on every upload, where a query language update's translation showed.
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement s = connection.prepareStatement("update releases set committed_at = ?"
                    + " where project_id = ? and commit_sha = ? and committed_at is null")) {
                s.setObject(1, committedAt.atOffset(ZoneOffset.UTC));
                s.setLong(2, projectId);
                s.setString(3, commit);
                s.executeUpdate();
            }
        });
    }

    public List<Release> newestFirst(long projectId, int limit) {
        return find("projectId = ?1 order by committedAt desc nulls first, createdAt desc, id desc", projectId)
                .page(0, limit)
                .list();
    }
}
