package io.regtrack.baseline;

import io.regtrack.project.Project;
import io.regtrack.run.BuildKey;
import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import io.regtrack.run.RunService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Finds the run a run is judged against. The release baseline is the newest release whose commit
 * time is before the run's commit (any branch) that has a run for the same target and profile; a
 * project's pinned release replaces that choice. A runner change does not change the baseline.
 */
@ApplicationScoped
public class BaselineFinder {

    private final RunRepository runs;
    private final ReleaseRepository releases;

    BaselineFinder(RunRepository runs, ReleaseRepository releases) {
        this.runs = runs;
        this.releases = releases;
    }

    /** A baseline run and, when it is a release, its tag. */
    public record Found(Run run, String tag) {}

    public Optional<Found> release(Project project, Run run) {
        if (project.pinnedReleaseId != null) {
            Release pinned = releases.findById(project.pinnedReleaseId);
            if (pinned != null && !pinned.commitSha.equals(run.commitSha)) {
                return runs.newestOfCommit(project.id, pinned.commitSha, BuildKey.of(run))
                        .map(r -> new Found(r, pinned.tag));
            }
        }
        return runs.newestReleaseRun(project.id, run.commitSha, run.committedAt, BuildKey.of(run))
                .map(this::found);
    }

    public Optional<Found> parent(Run run) {
        if (run.parentCommit == null) {
            return Optional.empty();
        }
        return runs.newestOfCommit(run.projectId, run.parentCommit, BuildKey.of(run))
                .map(this::found);
    }

    public Found run(Project project, long runId) {
        return found(
                runs.findInProject(project.id, runId).orElseThrow(() -> RunService.noSuchRun(project.slug, runId)));
    }

    /** A run as a baseline, with its commit's release tag when it is a release. */
    public Found found(Run run) {
        return new Found(run, releases.tagOf(run.projectId, run.commitSha).orElse(null));
    }
}
