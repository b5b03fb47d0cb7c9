package io.regtrack.web;

import io.regtrack.problem.ProblemException;
import io.regtrack.problem.Violation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks a request body against its Bean Validation constraints. Services call it after deciding
 * the caller may act, so that an unauthenticated request learns nothing about its body.
 */
@ApplicationScoped
public class InputCheck {

    private final Validator validator;

    InputCheck(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T body) {
        if (body == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        Set<ConstraintViolation<T>> found = validator.validate(body);
        if (!found.isEmpty()) {
            List<Violation> violations = found.stream()
                    .map(v -> new Violation(ProblemMappers.field(v.getPropertyPath()), v.getMessage()))
                    .distinct()
                    .sorted(Comparator.comparing(Violation::field).thenComparing(Violation::message))
                    .toList();
            throw ProblemException.invalid(violations);
        }
        return body;
    }
}
