package io.regtrack.project;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

/**
 * The regular expression a tag must match to mark a release. Matched by RE2/J, whose time is
 * linear in the tag's length whatever the pattern: a project's pattern cannot stall an upload
 * by backtracking. RE2 syntax is Perl's without back-references and look-arounds.
 */
public record ReleasePattern(String value) {

    public ReleasePattern {
        try {
            Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("is not a regular expression RE2 accepts: " + e.getDescription());
        }
    }

    /** A stored pattern that no longer compiles marks nothing. */
    public static boolean matches(String pattern, String tag) {
        try {
            return Pattern.compile(pattern).matches(tag);
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
