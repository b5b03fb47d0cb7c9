package io.regtrack.project;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.regtrack.audit.AuditAction;
import io.regtrack.audit.AuditTrail;
import io.regtrack.auth.Access;
import io.regtrack.auth.Caller;
import io.regtrack.git.RefName;
import io.regtrack.problem.ProblemException;
import io.regtrack.verdict.Thresholds;
import io.regtrack.web.InputCheck;
import io.regtrack.web.QueryCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Creates and changes projects and their thresholds (each change in the audit trail), and finds
 * them for callers, applying who may see what.
 */
@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;
    private final Access access;
    private final InputCheck input;
    private final IngestSettings ingestSettings;
    private final AuditTrail audit;

    ProjectService(
            ProjectRepository projects,
            Access access,
            InputCheck input,
            IngestSettings ingestSettings,
            AuditTrail audit) {
        this.input = input;
        this.ingestSettings = ingestSettings;
        this.projects = projects;
        this.access = access;
        this.audit = audit;
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
        ProjectView created = ProjectView.of(project);
        audit.record(project.id, access.caller(), AuditAction.PROJECT_CREATED, "project " + project.slug, created);
        return created;
    }

    @Transactional
    public ProjectView update(String slug, ProjectUpdate body) {
        Project project = administrable(slug);
        ProjectUpdate change = input.valid(body);
        ingestSettings.forget(project.slug);
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
        audit.record(project.id, access.caller(), AuditAction.PROJECT_CHANGED, "project " + project.slug, change);
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

    /** The branch asked for (checked as a branch name), or the project's default branch when none is. */
    public static String branch(Project project, String asked) {
        return asked == null || asked.isBlank() ? project.defaultBranch : QueryCheck.branch(asked);
    }

    /** The project, if the caller may read it; otherwise 401/403 (or 404 for an admin). */
    public Project readable(String slug) {
        Project project = projects.findBySlug(slug).orElseThrow(() -> access.unknownProject(slug));
        access.requireRead(project.id, project.isPublic);
        return project;
    }

    /**
     * A public project, for what is shown without any token (badges in a README): a private or
     * unknown project is the same 404.
     */
    public Project shownToAnyone(String slug) {
        return projects.findBySlug(slug)
                .filter(p -> p.isPublic)
                .orElseThrow(() -> ProblemException.notFound("No public project '" + slug + "'"));
    }

    /**
     * The project, if the caller may post runs and releases to it: a detached copy, which may be
     * up to {@link ProjectConfig#settingsTtl()} old when changed through another instance.
     */
    public Project ingestible(String slug) {
        Project project = ingestSettings.get(slug).orElseGet(() -> {
            Optional<Project> found = QuarkusTransaction.joiningExisting().call(() -> projects.findBySlug(slug));
            found.ifPresent(ingestSettings::put);
            return found.orElse(null);
        });
        if (project == null) {
            throw access.unknownProject(slug);
        }
        access.requireIngest(project.id, project.repository);
        return project;
    }

    /** The project, if the caller may post runs to it and mark its releases. */
    public Project releasable(String slug) {
        Project project = ingestible(slug);
        requireRelease(project);
        return project;
    }

    /** 403 unless the caller may mark this project's releases (a pull request's job may not). */
    public void requireRelease(Project project) {
        access.requireRelease(project.defaultBranch);
    }

    /** Uploads through this instance stop using a project's kept settings, now and when the transaction ends. */
    public void settingsChanged(Project project) {
        ingestSettings.forget(project.slug);
    }

    /** The thresholds in force of a project the caller may read, every rule written out. */
    @Transactional
    public ThresholdsBody thresholdsOf(String slug) {
        return ThresholdsBody.of(thresholds(readable(slug)));
    }

    /** Replaces a project's thresholds (admin); answers the thresholds in force. */
    @Transactional
    public ThresholdsBody setThresholds(String slug, ThresholdsBody body) {
        Project project = administrable(slug);
        ThresholdsBody rules = input.valid(body);
        ingestSettings.forget(project.slug);
        ThresholdsBody before = project.thresholds;
        project.thresholds = rules;
        audit.record(
                project.id,
                access.caller(),
                AuditAction.THRESHOLDS_CHANGED,
                "thresholds",
                new ThresholdsChange(before, rules));
        return ThresholdsBody.of(rules.effective());
    }

    /** A project's thresholds in force: its own over the defaults. */
    public Thresholds thresholds(Project project) {
        return (project.thresholds == null ? ThresholdsBody.NONE : project.thresholds).effective();
    }

    /**
     * Holds the project for an upload (or a release, or a triage) until the transaction ends, shared with other
     * uploads, after any deletion in progress; 404 when the project was deleted meanwhile.
     */
    public void holdForUpload(Project project) {
        if (!projects.holdShared(project.id)) {
            throw ProblemException.notFound("No project '" + project.slug + "': it was deleted");
        }
    }

    /** Holds the project alone until the transaction ends, once every upload in progress ended. */
    public void holdForDeletion(Project project) {
        projects.holdAlone(project.id);
    }

    /**
     * The project, for an admin of the server or of this project; another project's admin token is
     * refused (403) whether the project exists or not.
     */
    public Project administrable(String slug) {
        access.requireSomeAdmin();
        Project project =
                projects.findBySlug(slug).orElseThrow(() -> access.unknownProject(slug, Access.ADMIN_OF_PROJECT));
        access.requireAdminOf(project.id);
        return project;
    }

    /** What the audit trail keeps of a change of thresholds: the project's own rules before and after. */
    record ThresholdsChange(ThresholdsBody before, ThresholdsBody after) {}
}
