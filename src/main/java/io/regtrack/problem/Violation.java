package io.regtrack.problem;

/** One thing wrong with a request: the JSON path of the field and what is wrong with it. */
public record Violation(String field, String message) {}
