package io.regtrack.alert;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Where an alert stands in triage. {@code open} and {@code acknowledged} are live. */
public enum AlertStatus {
    OPEN,
    ACKNOWLEDGED,
    DISMISSED,
    FIXED;

    /** The same four words, for Bean Validation; {@code AlertStatusTest} keeps them equal. */
    static final String PATTERN = "^(open|acknowledged|dismissed|fixed)$";

    static final List<String> WIRE =
            Arrays.stream(values()).map(AlertStatus::wire).toList();
    static final List<String> LIVE = List.of(OPEN.wire(), ACKNOWLEDGED.wire());

    /** As stored and as the API writes it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    static boolean isLive(String wire) {
        return LIVE.contains(wire);
    }
}
