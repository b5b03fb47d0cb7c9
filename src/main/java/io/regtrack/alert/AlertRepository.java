package io.regtrack.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.regtrack.run.BuildKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class AlertRepository implements PanacheRepository<Alert> {

    /** The open or acknowledged alerts of a branch's series built for one target and profile. */
    public List<Alert> live(long projectId, String branch, BuildKey build) {
        Parameters params =
                Parameters.with("project", projectId).and("branch", branch).and("live", AlertStatus.LIVE);
        build.parameters().forEach(params::and);
        return list("projectId = :project and branch = :branch and status in :live" + build.condition(""), params);
    }

    /** The alerts of a branch's series built for one target and profile whose culprit is one of these runs. */
    public List<Alert> ofRunsInWindow(long projectId, String branch, BuildKey build, Collection<Long> culpritRunIds) {
        if (culpritRunIds.isEmpty()) {
            return List.of();
        }
        Parameters params =
                Parameters.with("project", projectId).and("branch", branch).and("runs", culpritRunIds);
        build.parameters().forEach(params::and);
        return list(
                "projectId = :project and branch = :branch and culpritRunId in :runs" + build.condition(""), params);
    }

    /** Newest first; {@code status} and {@code direction} null for any. */
    public List<Alert> list(long projectId, String status, String direction, int limit) {
        Parameters params = Parameters.with("project", projectId);
        StringBuilder query = new StringBuilder("projectId = :project");
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        if (direction != null) {
            query.append(" and direction = :direction");
            params.and("direction", direction);
        }
        return find(query.append(" order by openedAt desc, id desc").toString(), params)
                .page(0, limit)
                .list();
    }

    public Optional<Alert> findInProject(long projectId, long id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResultOptional();
    }

    /** How many alerts of every project are in each triage status; a status none is in is absent. */
    public Map<String, Long> countByStatus() {
        Map<String, Long> counts = new HashMap<>();
        getEntityManager()
                .createQuery("select a.status, count(a) from Alert a group by a.status", StatusCount.class)
                .getResultList()
                .forEach(c -> counts.put(c.status(), c.count()));
        return counts;
    }

    /** One row of {@link #countByStatus()}. */
    public record StatusCount(String status, long count) {}
}
