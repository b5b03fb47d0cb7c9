package io.regtrack.cargo;

/**
 * One setting's effective value and where it came from: {@code default}, {@code manifest},
 * {@code workspace}, {@code config}, {@code env}, {@code rustc} (observed in the build) or
 * {@code upload} (given explicitly).
 */
public record Effective(String value, String source) {}
