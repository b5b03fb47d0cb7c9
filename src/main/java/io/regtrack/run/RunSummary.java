package io.regtrack.run;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A run in a list: who, where, when and how it went, without its measurements. */
@Schema(description = "A run in a list")
public record RunSummary(
        long id,
        String commit,
        String branch,
        String tag,
        Integer pullRequest,
        Instant committedAt,
        String message,
        String profile,
        String target,
        String status) {

    static RunSummary of(Run run) {
        return new RunSummary(
                run.id,
                run.commitSha,
                run.branch,
                run.tag,
                run.pullRequest,
                run.committedAt,
                run.message,
                run.profileName,
                run.target,
                run.status);
    }

    /** One page of runs, newest commit first; {@code next} fetches the following page. */
    @Schema(
            description = "A page of runs, newest commit first. Pass `next` as `cursor` for the following page; "
                    + "it is null on the last page.")
    public record Page(List<RunSummary> runs, String next) {}
}
