package io.regtrack.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The one error body every endpoint answers with, as RFC 9457 {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String type, String title, String detail, List<Violation> violations) {
        return new Problem("urn:regtrack:problem:" + type, title, status, detail, violations);
    }
}
