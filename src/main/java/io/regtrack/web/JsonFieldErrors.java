package io.regtrack.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.time.temporal.Temporal;
import java.util.Collection;

/** Says, in the client's terms, which JSON field did not fit and what it should have been. */
final class JsonFieldErrors {

    private JsonFieldErrors() {}

    static String field(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    static String message(JsonMappingException e) {
        if (e instanceof UnsafeTextException unsafe) {
            return unsafe.getOriginalMessage();
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target == null) {
            return "has the wrong type";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return "must be an RFC 3339 timestamp such as 2026-11-23T10:15:00Z";
        }
        if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
            return e instanceof InvalidFormatException ? "must be an integer in range" : "must be an integer";
        }
        if (Number.class.isAssignableFrom(target) || target == double.class) {
            return "must be a number";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target.isArray() || Collection.class.isAssignableFrom(target)) {
            return "must be an array";
        }
        if (target.isEnum()) {
            return "is not one of the accepted values";
        }
        return "must be an object";
    }
}
