package io.regtrack.verdict;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.Locale;

/**
 * A verdict's status, in the one order everything uses: worst first. A run's status is the first
 * of these that its verdicts hold among those that judge a change ({@code new} and
 * {@code missing} do not); tables list verdicts in this order.
 */
public enum VerdictStatus {
    REGRESSED(true),
    NOISY(true),
    MISSING(false),
    IMPROVED(true),
    NEW(false),
    UNCHANGED(true);

    private final boolean judgesAChange;

    VerdictStatus(boolean judgesAChange) {
        this.judgesAChange = judgesAChange;
    }

    /** As the API writes it: {@code regressed}, {@code noisy}, … */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static VerdictStatus of(String wire) {
        return valueOf(wire.toUpperCase(Locale.ROOT));
    }

    /** The worst status among these that judges a change; {@code unchanged} when none does. */
    static VerdictStatus worst(Collection<VerdictStatus> statuses) {
        VerdictStatus worst = UNCHANGED;
        for (VerdictStatus s : statuses) {
            if (s.judgesAChange && s.ordinal() < worst.ordinal()) {
                worst = s;
            }
        }
        return worst;
    }
}
