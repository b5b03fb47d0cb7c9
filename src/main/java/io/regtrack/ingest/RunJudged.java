package io.regtrack.ingest;

import io.regtrack.project.Project;
import io.regtrack.run.Run;

/** A run stored and judged, told (as a CDI event) inside the upload's transaction. */
public record RunJudged(Project project, Run run) {}
