package io.regtrack.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.regtrack.db.Jdbc;
import io.regtrack.run.BuildKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;

@ApplicationScoped
public class AlertRepository implements PanacheRepository<Alert> {

    /**
     * In one read, the alerts of a branch's series built for one target and profile that are open or
     * acknowledged, or whose culprit is one of these runs.
     */
    public List<Alert> liveOrOfRuns(long projectId, String branch, BuildKey build, Collection<Long> culpritRunIds) {
        // Ids by plain JDBC (on every upload; usually none), then the alerts as managed entities.
        List<Long> ids = Jdbc.ids(
                getEntityManager(),
                "select id from alerts where project_id = ? and branch = ?"
                        + " and target is not distinct from cast(? as text)"
                        + " and profile_name is not distinct from cast(? as text)"
                        + " and (status = any(cast(? as text[])) or culprit_run_id = any(cast(? as bigint[])))",
                projectId,
                branch,
                build.target(),
                build.profile(),
                array(AlertStatus.LIVE),
                array(culpritRunIds));
        return ids.isEmpty()
                ? List.of()
                : getEntityManager()
                        .unwrap(Session.class)
                        .byMultipleIds(Alert.class)
                        .multiLoad(ids);
    }

    /** The alerts of a branch's series built for one target and profile whose culprit or detection is one of these runs. */
    public List<Alert> ofRuns(long projectId, String branch, BuildKey build, Collection<Long> runIds) {
        @SuppressWarnings("unchecked")
        List<Alert> found = getEntityManager()
                .createNativeQuery(
                        "select * from alerts where project_id = :project and branch = :branch"
                                + " and target is not distinct from cast(:target as text)"
                                + " and profile_name is not distinct from cast(:profile as text)"
                                + " and (culprit_run_id = any(cast(:runs as bigint[]))"
                                + " or detected_run_id = any(cast(:runs as bigint[]))) order by id",
                        Alert.class)
                .setParameter("project", projectId)
                .setParameter("branch", branch)
                .setParameter("target", build.target())
                .setParameter("profile", build.profile())
                .setParameter("runs", array(runIds))
                .getResultList();
        return found;
    }

    /** The regressions of a change's series that are fixed with a note ending in {@code ending}. */
    public List<Alert> fixedFrom(Alert change, String ending) {
        BuildKey build = new BuildKey(change.target, change.profileName);
        Parameters params = Parameters.with("project", change.projectId)
                .and("branch", change.branch)
                .and("kind", change.kind)
                .and("name", change.name)
                .and("fixed", AlertStatus.FIXED.wire())
                .and("ending", "%" + ending); // commits are hexadecimal: no wildcard in them
        build.parameters().forEach(params::and);
        return list(
                "projectId = :project and branch = :branch and kind = :kind and name = :name and status = :fixed"
                        + " and note like :ending" + build.condition(""),
                params);
    }

    /** A PostgreSQL array literal of plain words or numbers. */
    private static String array(Collection<?> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
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
