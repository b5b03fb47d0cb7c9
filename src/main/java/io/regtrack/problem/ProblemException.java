package io.regtrack.problem;

import java.util.List;

/**
 * A failure a client caused or must know about. Domain code throws these; the web layer turns
 * each into one {@code application/problem+json} answer with the status it carries.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Violation> violations;

    protected ProblemException(int status, String type, String title, String detail, List<Violation> violations) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Violation> violations() {
        return violations;
    }

    /** 400: the request is well-formed JSON but breaks the contract. */
    public static ProblemException invalid(List<Violation> violations) {
        String detail = violations.size() == 1
                ? violations.get(0).field() + ": " + violations.get(0).message()
                : violations.size() + " fields are invalid";
        return new ProblemException(400, "invalid-input", "Invalid input", detail, violations);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    /** 401: no credentials, or credentials that are not a valid token. */
    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(401, "unauthenticated", "Authentication required", detail, List.of());
    }

    /** 403: a valid token that may not do this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, List.of());
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }

    /** 503: something this request needs (another service) does not answer now; trying later may work. */
    public static ProblemException unavailable(String detail) {
        return new ProblemException(503, "unavailable", "Service unavailable", detail, List.of());
    }
}
