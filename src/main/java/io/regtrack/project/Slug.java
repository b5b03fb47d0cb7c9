package io.regtrack.project;

import java.util.regex.Pattern;

/** A project's URL name: lower-case letters, digits, '.', '_' and '-', at most 64 characters. */
public record Slug(String value) {

    public static final String PATTERN = "^[a-z0-9][a-z0-9._-]{0,63}$";
    public static final String RULE =
            "must be 1–64 lower-case letters, digits, '.', '_' or '-', starting with a letter or digit";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public Slug {
        if (value == null || !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException(RULE);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
