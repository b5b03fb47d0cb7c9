package io.regtrack.ingest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The answer to an upload, and whether it was a replay: a replay answers exactly what the first
 * upload was answered, as stored with the run, whatever the answer's shape has become since.
 */
public record IngestResult(JsonNode comparison, boolean replayed) {}
