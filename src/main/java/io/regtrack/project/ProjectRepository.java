package io.regtrack.project;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ProjectRepository implements PanacheRepository<Project> {

    /** Empty for a name that cannot be a slug, without asking the database. */
    public Optional<Project> findBySlug(String slug) {
        if (slug == null || !slug.matches(Slug.PATTERN)) {
            return Optional.empty();
        }
        return find("slug", slug).firstResultOptional();
    }

    /** Public projects, plus the one project a project token belongs to (if any). */
    public List<Project> listVisible(Long ownProjectId) {
        return list("isPublic = true or id = ?1 order by slug", ownProjectId == null ? -1L : ownProjectId);
    }

    public List<Project> listAll() {
        return list("order by slug");
    }
}
