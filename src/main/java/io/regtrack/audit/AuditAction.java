package io.regtrack.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What an audit entry records; its wire name ({@code token.issued}) is what the API shows and filters by. */
public enum AuditAction {
    TOKEN_ISSUED("token.issued"),
    TOKEN_REVOKED("token.revoked"),
    PROJECT_CREATED("project.created"),
    PROJECT_CHANGED("project.changed"),
    THRESHOLDS_CHANGED("thresholds.changed"),
    RELEASE_MARKED("release.marked"),
    RELEASE_PINNED("release.pinned"),
    ALERT_TRIAGED("alert.triaged"),
    WEBHOOK_ADDED("webhook.added"),
    WEBHOOK_REMOVED("webhook.removed"),
    RUN_DELETED("run.deleted"),
    PROJECT_DELETED("project.deleted");

    /** Every wire name, for messages and the API document. */
    public static final String NAMES =
            Arrays.stream(values()).map(AuditAction::wire).collect(Collectors.joining(", "));

    private final String wire;

    AuditAction(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    public static Optional<AuditAction> fromWire(String wire) {
        return Arrays.stream(values()).filter(a -> a.wire.equals(wire)).findFirst();
    }
}
