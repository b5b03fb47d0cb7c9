package io.regtrack.git;

import java.util.Locale;
import java.util.regex.Pattern;

/** A full git object name: 40 hex digits (SHA-1) or 64 (SHA-256), kept in lower case. */
public record Sha(String value) {

    public static final String PATTERN = "^([0-9a-fA-F]{40}|[0-9a-fA-F]{64})$";
    public static final String RULE = "must be a full commit SHA: 40 or 64 hexadecimal digits";
    private static final Pattern VALID = Pattern.compile(PATTERN);

    public Sha {
        if (!isValid(value)) {
            throw new IllegalArgumentException(RULE);
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }

    public String shortName() {
        return value.substring(0, 10);
    }

    @Override
    public String toString() {
        return value;
    }
}
