package io.regtrack.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonMappingException;

/** A JSON string that cannot be stored faithfully (NUL characters, broken surrogate pairs). */
final class UnsafeTextException extends JsonMappingException {

    UnsafeTextException(JsonParser parser, String message) {
        super(parser, message);
    }
}
