package io.regtrack.run;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class RunRepository implements PanacheRepository<Run> {

    public Optional<Run> findByIdempotencyKey(long projectId, String key) {
        return find("projectId = ?1 and idempotencyKey = ?2", projectId, key).firstResultOptional();
    }

    public Optional<Run> findInProject(long projectId, long runId) {
        return find("projectId = ?1 and id = ?2", projectId, runId).firstResultOptional();
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

    public record RunCursor(Instant committedAt, long id) {
    }
}
