package io.regtrack.project;

import io.regtrack.auth.Access;
import io.regtrack.auth.Caller;
import io.regtrack.git.RefName;
import io.regtrack.problem.ProblemException;
import io.regtrack.verdict.Thresholds;
import io.regtrack.web.InputCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** Creates projects and finds them for callers, applying who may see what. */
@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;
    private final Access access;
    private final InputCheck input;

    ProjectService(ProjectRepository projects, Access access, InputCheck input) {
        this.input = input;
        this.projects = projects;
        this.access = access;
    }

    @Transactional
    public ProjectView create(NewProject body) {
        access.requireAdmin();
        NewProject request = input.valid(body);
        String branch = request.defaultBranch() == null ? "main" : request.defaultBranch();
        if (!RefName.isValid(branch)) {
            throw ProblemException.invalid("defaultBranch", RefName.RULE);
        }
        Slug slug = new Slug(request.slug());
        if (projects.findBySlug(slug.value()).isPresent()) {
            throw ProblemException.conflict("A project with slug '" + slug + "' exists");
        }
        Project project = new Project();
        project.slug = slug.value();
        project.name = request.name().strip();
        project.isPublic = Boolean.TRUE.equals(request.isPublic());
        project.defaultBranch = branch;
        project.repository = request.repository();
        project.createdAt = Instant.now();
        projects.persist(project);
        projects.flush(); // a concurrent create of the same slug fails here, as a 409
        return ProjectView.of(project);
    }

    @Transactional
    public ProjectView update(String slug, ProjectUpdate body) {
        Project project = administrable(slug);
        ProjectUpdate change = input.valid(body);
        if (change.defaultBranch() != null && !RefName.isValid(change.defaultBranch())) {
            throw ProblemException.invalid("defaultBranch", RefName.RULE);
        }
        if (change.releasePattern() != null) {
            try {
                new ReleasePattern(change.releasePattern());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("releasePattern", e.getMessage());
            }
            project.releasePattern = change.releasePattern();
        }
        if (change.name() != null) {
            project.name = change.name().strip();
        }
        if (change.isPublic() != null) {
            project.isPublic = change.isPublic();
        }
        if (change.defaultBranch() != null) {
            project.defaultBranch = change.defaultBranch();
        }
        if (change.repository() != null) {
            project.repository = change.repository();
        }
        return ProjectView.of(project);
    }

    @Transactional
    public List<ProjectView> listReadable() {
        Caller caller = access.caller();
        List<Project> visible = caller.isAdmin() ? projects.listAll() : projects.listVisible(caller.projectId());
        return visible.stream().map(ProjectView::of).toList();
    }

    @Transactional
    public ProjectView view(String slug) {
        return ProjectView.of(readable(slug));
    }

    /** The project, if the caller may read it; otherwise 401/403 (or 404 for an admin). */
    public Project readable(String slug) {
        Project project = projects.findBySlug(slug).orElseThrow(() -> access.unknownProject(slug));
        access.requireRead(project.id, project.isPublic);
        return project;
    }

    /** The project, if the caller may post runs and releases to it. */
    public Project ingestible(String slug) {
        Project project = projects.findBySlug(slug).orElseThrow(() -> access.unknownProject(slug));
        access.requireIngest(project.id);
        return project;
    }

    /** A project's thresholds in force: its own over the defaults. */
    public Thresholds thresholds(Project project) {
        return (project.thresholds == null ? ThresholdsBody.NONE : project.thresholds).effective();
    }

    /** The project, for an admin. */
    public Project administrable(String slug) {
        access.requireAdmin();
        return projects.findBySlug(slug).orElseThrow(() -> access.unknownProject(slug));
    }
}
