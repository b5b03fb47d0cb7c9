package io.regtrack.imports;

/**
 * Something in a history file that is not imported, and why: a commit that is no full SHA, a second entry for a
 * commit already read, a report without a version hash.
 *
 * @param at where in the file, a JSON pointer
 * @param reason why it is left out, in words
 */
public record Skipped(String at, String reason) {}
