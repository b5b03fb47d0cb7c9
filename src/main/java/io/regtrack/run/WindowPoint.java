package io.regtrack.run;

import java.time.Instant;

/** One point of a series window: the run, its commit time and the measurement's central value. */
public record WindowPoint(long runId, Instant committedAt, double center) {}
