package io.regtrack.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.regtrack.run.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class AlertRepository implements PanacheRepository<Alert> {

    static final List<String> LIVE = List.of("open", "acknowledged");

    /** The open or acknowledged alerts of a branch's series built for one target and profile. */
    public List<Alert> live(long projectId, String branch, String target, String profile) {
        Parameters params =
                Parameters.with("project", projectId).and("branch", branch).and("live", LIVE);
        return list(
                "projectId = :project and branch = :branch and status in :live"
                        + RunRepository.sameBuild("", target, profile, params),
                params);
    }

    public List<Alert> list(long projectId, String status, int limit) {
        if (status == null) {
            return find("projectId = ?1 order by openedAt desc, id desc", projectId)
                    .page(0, limit)
                    .list();
        }
        return find("projectId = ?1 and status = ?2 order by openedAt desc, id desc", projectId, status)
                .page(0, limit)
                .list();
    }

    public Optional<Alert> findInProject(long projectId, long id) {
        return find("projectId = ?1 and id = ?2", projectId, id).firstResultOptional();
    }
}
