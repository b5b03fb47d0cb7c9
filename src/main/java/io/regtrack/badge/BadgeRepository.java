package io.regtrack.badge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.List;
import java.util.Optional;

/** The newest point of a size series: one row from the end of the series' index range. */
@ApplicationScoped
class BadgeRepository {

    record Size(long runId, double value) {}

    private final EntityManager em;

    BadgeRepository(EntityManager em) {
        this.em = em;
    }

    Optional<Size> newestSize(long projectId, String branch, String name, String profile) {
        Query query = em.createNativeQuery("select m.run_id, m.center from measurements m"
                        + " where m.project_id = :project and m.branch = :branch and m.kind = 'size' and m.name = :name"
                        + (profile == null ? "" : " and coalesce(m.profile_name, '') = :profile")
                        + " order by m.committed_at desc, m.id desc limit 1")
                .setParameter("project", projectId)
                .setParameter("branch", branch)
                .setParameter("name", name);
        if (profile != null) {
            query.setParameter("profile", profile);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().findFirst().map(r -> new Size(((Number) r[0]).longValue(), ((Number) r[1]).doubleValue()));
    }
}
