package io.regtrack.baseline;

import io.regtrack.audit.AuditAction;
import io.regtrack.audit.AuditTrail;
import io.regtrack.auth.Access;
import io.regtrack.git.RefName;
import io.regtrack.git.Sha;
import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.project.ProjectService;
import io.regtrack.project.ReleasePattern;
import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import io.regtrack.web.InputCheck;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Marks commits as releases, by API call or by an upload's tag that matches the release pattern, and
 * pins one as the baseline; each in the audit trail.
 */
@ApplicationScoped
public class ReleaseService {

    private final ProjectService projects;
    private final ReleaseRepository releases;
    private final RunRepository runs;
    private final InputCheck input;

    ReleaseService(
            ProjectService projects,
            ReleaseRepository releases,
            RunRepository runs,
            InputCheck input,
            Event<ReleaseMarked> marked,
            Access access,
            AuditTrail audit) {
        this.marked = marked;
        this.access = access;
        this.audit = audit;
        this.projects = projects;
        this.releases = releases;
        this.runs = runs;
        this.input = input;
    }

    private final Event<ReleaseMarked> marked;
    private final Access access;
    private final AuditTrail audit;

    /** What the audit trail keeps of a release marked: its commit, and the upload's run when a tag marked it. */
    record MarkedDetail(String tag, String commit, Long runId) {}

    /** What the audit trail keeps of a pin: the release pinned before and now (null: the newest earlier one). */
    record PinDetail(String before, String after) {}

    /** The release and whether it was new (a repeat of the same tag and commit is not). */
    public record Marked(ReleaseView release, boolean created) {}

    @Transactional
    public Marked create(String slug, NewRelease body) {
        Project project = projects.releasable(slug);
        NewRelease request = input.valid(body);
        if (!RefName.isValid(request.tag())) {
            throw ProblemException.invalid("tag", RefName.RULE);
        }
        String commit = new Sha(request.commit()).value();
        projects.holdForUpload(project);
        runs.lock("release " + project.id + " " + request.tag());
        Optional<Release> existing = releases.findByTag(project.id, request.tag());
        if (existing.isPresent()) {
            if (!existing.get().commitSha.equals(commit)) {
                throw ProblemException.conflict(
                        "Release " + request.tag() + " is already commit " + existing.get().commitSha);
            }
            return new Marked(ReleaseView.of(existing.get(), project.pinnedReleaseId), false);
        }
        Release release = new Release();
        release.projectId = project.id;
        release.tag = request.tag();
        release.commitSha = commit;
        release.committedAt = runs.commitTime(project.id, commit).orElse(null);
        release.createdAt = Instant.now();
        releases.persist(release);
        releases.flush();
        ReleaseView view = ReleaseView.of(release, project.pinnedReleaseId);
        audit.record(
                project.id,
                access.caller(),
                AuditAction.RELEASE_MARKED,
                "release " + release.tag,
                new MarkedDetail(release.tag, commit, null));
        marked.fire(new ReleaseMarked(project, view));
        return new Marked(view, true);
    }

    @Transactional
    public List<ReleaseView> pin(String slug, PinnedRelease body) {
        Project project = projects.administrable(slug);
        PinnedRelease pin = input.valid(body);
        projects.settingsChanged(project);
        String before = project.pinnedReleaseId == null
                ? null
                : releases.findByIdOptional(project.pinnedReleaseId)
                        .map(r -> r.tag)
                        .orElse(null);
        project.pinnedReleaseId = pin.tag() == null
                ? null
                : releases.findByTag(project.id, pin.tag())
                        .orElseThrow(
                                () -> ProblemException.invalid("tag", "no release '" + pin.tag() + "' in this project"))
                        .id;
        audit.record(
                project.id, access.caller(), AuditAction.RELEASE_PINNED, "baseline", new PinDetail(before, pin.tag()));
        return releases.newestFirst(project.id, 500).stream()
                .map(r -> ReleaseView.of(r, project.pinnedReleaseId))
                .toList();
    }

    @Transactional
    public List<ReleaseView> list(String slug) {
        Project project = projects.readable(slug);
        return releases.newestFirst(project.id, 500).stream()
                .map(r -> ReleaseView.of(r, project.pinnedReleaseId))
                .toList();
    }

    /**
     * For a stored upload: its tag makes it a release when it matches the project's pattern, and a
     * release posted before any run of its commit learns the commit's time.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void noteUpload(Project project, Run run) {
        if (run.tag != null) {
            runs.lock("release " + project.id + " " + run.tag); // matrix jobs of one tag upload together
        }
        if (run.tag != null
                && releases.findByTag(project.id, run.tag).isEmpty()
                && ReleasePattern.matches(project.releasePattern, run.tag)) {
            Release release = new Release();
            release.projectId = project.id;
            release.tag = run.tag;
            release.commitSha = run.commitSha;
            release.committedAt = run.committedAt;
            release.createdAt = Instant.now();
            releases.persist(release);
            audit.record(
                    project.id,
                    access.caller(),
                    AuditAction.RELEASE_MARKED,
                    "release " + release.tag,
                    new MarkedDetail(release.tag, release.commitSha, run.id));
            marked.fire(new ReleaseMarked(project, ReleaseView.of(release, project.pinnedReleaseId)));
        }
        releases.dateCommit(project.id, run.commitSha, run.committedAt); // those stored before: written at once
    }
}
