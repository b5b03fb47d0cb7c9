package io.regtrack.comparison;

import io.regtrack.baseline.ReleaseRepository;
import io.regtrack.git.RefName;
import io.regtrack.problem.ProblemException;
import io.regtrack.project.Project;
import io.regtrack.run.BuildKey;
import io.regtrack.run.Run;
import io.regtrack.run.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds the run a reference names, in this order: a run id of the project, a release tag (its
 * commit's newest run), a commit or a unique prefix of one (7 or more hex digits; its newest run),
 * a branch (its newest run). When {@code build} is given, a run of that build (target and profile)
 * is preferred, so that a comparison sets like against like.
 */
@ApplicationScoped
class RunRefs {

    private static final Pattern RUN_ID = Pattern.compile("\\d{1,18}");
    private static final Pattern COMMIT = Pattern.compile("[0-9a-fA-F]{7,64}");

    private final RunRepository runs;
    private final ReleaseRepository releases;

    RunRefs(RunRepository runs, ReleaseRepository releases) {
        this.runs = runs;
        this.releases = releases;
    }

    Run resolve(Project project, String field, String ref, BuildKey build) {
        if (ref == null || ref.isBlank()) {
            throw ProblemException.invalid(field, "is required: a run id, a commit, a release tag or a branch");
        }
        if (ref.length() > 255 || ref.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ProblemException.invalid(field, "must be a run id, a commit, a release tag or a branch");
        }
        if (RUN_ID.matcher(ref).matches()) {
            Optional<Run> run = runs.findInProject(project.id, Long.parseLong(ref));
            if (run.isPresent()) {
                return run.get();
            }
        }
        Optional<Run> tagged = releases.findByTag(project.id, ref).flatMap(r -> ofCommit(project, r.commitSha, build));
        if (tagged.isPresent()) {
            return tagged.get();
        }
        if (COMMIT.matcher(ref).matches()) {
            List<String> commits = runs.commitsStartingWith(project.id, ref.toLowerCase(Locale.ROOT), 2);
            if (commits.size() > 1) {
                throw ProblemException.invalid(field, "'" + ref + "' is the start of several commits; give more of it");
            }
            if (commits.size() == 1) {
                return ofCommit(project, commits.get(0), build).orElseThrow();
            }
        }
        if (RefName.isValid(ref)) {
            Optional<Run> newest = Optional.ofNullable(build)
                    .flatMap(b -> runs.newestOnBranch(project.id, ref, b))
                    .or(() -> runs.newestOnBranch(project.id, ref, null));
            if (newest.isPresent()) {
                return newest.get();
            }
        }
        throw ProblemException.notFound(
                "No run, release tag, commit or branch '" + ref + "' in project '" + project.slug + "'");
    }

    private Optional<Run> ofCommit(Project project, String commit, BuildKey build) {
        return Optional.ofNullable(build)
                .flatMap(b -> runs.newestOfCommit(project.id, commit, b))
                .or(() -> runs.uploadsOf(project.id, commit).stream().findFirst());
    }
}
