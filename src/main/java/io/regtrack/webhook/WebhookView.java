package io.regtrack.webhook;

import java.time.Instant;
import java.util.List;

/** A webhook as the API shows it: never its secret. */
public record WebhookView(long id, String url, List<String> events, String format, boolean signed, Instant createdAt) {

    /** One delivery of news to a webhook. */
    public record Delivery(
            long id,
            String deliveryId,
            String event,
            String state,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant createdAt,
            Instant deliveredAt) {}
}
