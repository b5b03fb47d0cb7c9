package io.regtrack.auth;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a token may do: {@code admin} everything; {@code ingest} post to one project; {@code read} one project. */
public enum Scope {
    ADMIN,
    INGEST,
    READ;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scope fromWire(String wire) {
        for (Scope scope : values()) {
            if (scope.wire().equals(wire)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown scope " + wire);
    }
}
