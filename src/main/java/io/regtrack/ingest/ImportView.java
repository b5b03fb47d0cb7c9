package io.regtrack.ingest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an import: what it stored, what was there already, and what it left out. */
@Schema(
        description = "What an import did: runs stored and replayed, measurements and commits in them, and what was "
                + "left out of the file, with the place and the reason")
public record ImportView(
        Runs runs,

        @Schema(description = "Measurements in the runs imported, new or replayed", example = "45")
        int measurements,

        @Schema(description = "Distinct commits of the runs imported", example = "9")
        int commits,

        List<Skip> skipped) {

    @Schema(
            name = "ImportRuns",
            description = "Runs stored now, and runs that were a replay of an earlier import (nothing stored)")
    public record Runs(
            @Schema(example = "9") int created,
            @Schema(example = "0") int replayed) {}

    @Schema(name = "ImportSkip", description = "A part of the file that was not imported")
    public record Skip(
            @Schema(description = "Where in the file: a JSON pointer", example = "/entries/Benchmark/4/commit/id")
            String at,

            @Schema(
                    example = "commit id \"4345684\" is not a full commit SHA (40 or 64 hexadecimal digits), so the "
                            + "entry has no commit to be stored under")
            String reason) {}
}
