package io.regtrack.alert;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "A triage decision: `acknowledged` (real, being handled), `dismissed` (a false positive), "
                + "`fixed`, or back to `open`")
public record AlertTriage(
        @NotNull
        @Pattern(regexp = AlertStatus.PATTERN, message = "must be 'open', 'acknowledged', 'dismissed' or 'fixed'")
        String status,

        @Size(max = 2000) String note) {}
