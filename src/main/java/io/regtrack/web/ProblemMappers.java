package io.regtrack.web;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.regtrack.problem.Problem;
import io.regtrack.problem.ProblemException;
import io.regtrack.problem.Violation;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into a problem+json answer; no stack trace ever reaches a client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder answer =
                answer(Problem.of(e.status(), e.type(), e.title(), e.getMessage(), e.violations()));
        if (e.status() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"regtrack\"");
        }
        return answer.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Violation(field(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
        return problem(ProblemException.invalid(violations));
    }

    /** The body is not JSON at all, or not the JSON this endpoint takes. */
    @ServerExceptionMapper
    public Response unreadable(JacksonException e) {
        JsonParseException syntax = syntaxError(e);
        if (syntax == null
                && e instanceof JsonMappingException mapping
                && !mapping.getPath().isEmpty()) {
            return problem(ProblemException.invalid(JsonFieldErrors.field(mapping), JsonFieldErrors.message(mapping)));
        }
        if (syntax == null && constraint(e) != null) {
            return answer(Problem.of(
                            400,
                            "malformed-json",
                            "Malformed JSON",
                            "The body is past a JSON limit: numbers of at "
                                    + "most 1,000 digits, nesting at most 1,000 deep",
                            List.of()))
                    .build();
        }
        String detail = "The body is not valid JSON";
        JsonLocation at = syntax == null ? null : syntax.getLocation();
        if (at != null && at.getLineNr() > 0) {
            detail += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return answer(Problem.of(400, "malformed-json", "Malformed JSON", detail, List.of()))
                .build();
    }

    private static StreamConstraintsException constraint(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException limit) {
                return limit;
            }
        }
        return null;
    }

    /** Two writers raced for the same unique key (e.g. a project slug): the loser is told, nothing is half-stored. */
    @ServerExceptionMapper
    public Response conflict(org.hibernate.exception.ConstraintViolationException e) {
        if (!"23505".equals(e.getSQLState())) {
            return unexpected(e); // not a unique key: a fault of ours, not a race
        }
        LOG.infof(
                "Refused by the database constraint %s: %s",
                e.getConstraintName(), e.getSQLException().getMessage());
        return problem(ProblemException.conflict("This conflicts with data stored meanwhile; read it and retry"));
    }

    private static JsonParseException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException syntax) {
                return syntax;
            }
        }
        return null;
    }

    /** Named separately so that it wins over the framework's own mapper for this type. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JacksonException json) {
            return unreadable(json);
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return answer(Problem.of(status, "server-error", title, "The server could not answer", List.of()))
                    .build();
        }
        String detail = switch (status) {
            case 404 -> "No such resource";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "This resource answers application/json";
            case 415 -> "Send the body as application/json";
            default -> title;
        };
        return answer(Problem.of(status, title.toLowerCase().replace(' ', '-'), title, detail, List.of()))
                .build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException) {
                // A row this request changes was changed or removed by another request meanwhile.
                return problem(ProblemException.conflict(
                        "What this changes was changed or deleted meanwhile; read it again and retry"));
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && "23505".equals(violation.getSQLState())) {
                return conflict(violation);
            }
            if (cause instanceof ProblemException problem) {
                return problem(problem);
            }
        }
        if (DatabaseUnavailable.is(e)) {
            LOG.warnf("Database unavailable: %s", rootMessage(e));
            return answer(Problem.of(
                            503,
                            "database-unavailable",
                            "Service unavailable",
                            "The database cannot be reached right now; nothing was stored. Retry in a few seconds.",
                            List.of()))
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
                    .build();
        }
        LOG.error("Unexpected failure", e);
        return answer(Problem.of(
                        500,
                        "server-error",
                        "Internal server error",
                        "The server failed to answer; the failure is in its log",
                        List.of()))
                .build();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static Response.ResponseBuilder answer(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /** {@code ingest.upload.measurements[2].name} → {@code measurements[2].name}. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        int depth = 0;
        for (Path.Node node : path) {
            depth++;
            boolean parameterNode = node.getKind() == jakarta.validation.ElementKind.METHOD
                    || node.getKind() == jakarta.validation.ElementKind.PARAMETER;
            if (parameterNode || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                if (node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT && node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                }
                continue;
            }
            if (node.getIndex() != null && depth > 1) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }
}
