package io.regtrack.run;

import java.time.Instant;

/** One point of a series: the run, its commit and time, and the measurement's central value. */
public record SeriesPoint(long runId, String commit, Instant committedAt, double center) {}
