package io.regtrack.ingest;

import io.regtrack.verdict.Comparison;

/** The comparison answered for an upload, and whether it was a replay of a stored one. */
public record IngestResult(Comparison comparison, boolean replayed) {}
