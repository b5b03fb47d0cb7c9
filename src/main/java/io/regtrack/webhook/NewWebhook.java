package io.regtrack.webhook;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A webhook: where to send which news of the project")
public record NewWebhook(
        @Schema(example = "https://hooks.example.com/regtrack") @NotBlank @Size(max = 2000)
        String url,

        @Schema(
                description = "alert.opened, alert.fixed, alert-summary.opened, run.regressed, release.created",
                example = "[\"alert.opened\", \"alert.fixed\"]")
        @NotEmpty
        @Size(max = 5)
        List<@NotBlank String> events,

        @Schema(description = "Signs each delivery: X-Regtrack-Signature-256: sha256=<HMAC of the body>")
        @Size(min = 16, max = 200)
        String secret,

        @Schema(description = "json (default) or slack: {\"text\": …}, for Slack, Mattermost and Matrix bridges")
        String format) {}
