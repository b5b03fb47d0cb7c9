package io.regtrack.archive;

import io.regtrack.run.Run;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A run's name in an export, the same in every instance: {@code key:<idempotency key>} when the
 * upload had one, else {@code upload:<request fingerprint>@<time of receipt>}.
 */
record RunRef(String idempotencyKey, String requestHash, Instant receivedAt) {

    private static final String KEY = "key:";
    private static final String UPLOAD = "upload:";

    static String of(Run run) {
        return run.idempotencyKey != null ? KEY + run.idempotencyKey : UPLOAD + run.requestHash + "@" + run.receivedAt;
    }

    /** The reference read back, or empty when it is not one. */
    static Optional<RunRef> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.startsWith(KEY) && text.length() > KEY.length()) {
            return Optional.of(new RunRef(text.substring(KEY.length()), null, null));
        }
        int at = text.lastIndexOf('@');
        if (text.startsWith(UPLOAD) && at > UPLOAD.length()) {
            try {
                return Optional.of(
                        new RunRef(null, text.substring(UPLOAD.length(), at), Instant.parse(text.substring(at + 1))));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
