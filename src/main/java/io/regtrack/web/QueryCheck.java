package io.regtrack.web;

import io.regtrack.git.RefName;
import io.regtrack.problem.ProblemException;
import java.util.regex.Pattern;

/**
 * Query values checked by the same rules as the upload fields they select, so that a value no
 * upload could have stored ({@code kind=../../}) is a {@code 400} naming the parameter rather than
 * an empty answer. Absent values pass as {@code null}.
 */
public final class QueryCheck {

    /** The rules an upload's measurement kind and profile name follow. */
    public static final String KIND = "^[a-z][a-z0-9_-]{0,63}$";

    public static final String PROFILE = "^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$";
    private static final Pattern KIND_PATTERN = Pattern.compile(KIND);
    private static final Pattern PROFILE_PATTERN = Pattern.compile(PROFILE);

    private QueryCheck() {}

    public static String kind(String value) {
        return matching("kind", value, KIND_PATTERN, "must be 'size', 'runtime' or a lower-case custom kind");
    }

    public static String profile(String value) {
        return matching(
                "profile", value, PROFILE_PATTERN, "must be a Cargo profile name: letters, digits, '-' and '_'");
    }

    public static String branch(String value) {
        if (value != null && !RefName.isValid(value)) {
            throw ProblemException.invalid("branch", RefName.RULE);
        }
        return value;
    }

    /** A binary, benchmark or target name: 1 to 200 characters, no control characters. */
    public static String text(String field, String value) {
        if (value == null) {
            return null;
        }
        if (value.isBlank() || value.length() > 200 || value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw ProblemException.invalid(field, "must be 1 to 200 characters without control characters");
        }
        return value;
    }

    private static String matching(String field, String value, Pattern pattern, String rule) {
        if (value != null && !pattern.matcher(value).matches()) {
            throw ProblemException.invalid(field, rule);
        }
        return value;
    }
}
