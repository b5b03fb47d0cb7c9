package io.regtrack.verdict;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The judgement of one measurement against its baseline. {@code status} is one of
 * {@code regressed}, {@code improved}, {@code unchanged}, {@code noisy}, {@code new}, {@code missing}.
 */
public record Verdict(
        String kind,
        String name,
        String unit,
        Double baseline,
        Double current,
        Double delta,
        Double deltaPercent,
        String status,
        String test,
        Double pValue,
        List<String> explanations,

        @Schema(
                description = "Why the data cannot tell, for a noisy verdict: too few samples, too little "
                        + "history, or samples that do not support the move")
        String reason) {

    /** A measurement the baseline does not have. */
    static Verdict added(Measured m, List<String> explanations) {
        return new Verdict(
                m.kind(), m.name(), m.unit(), null, m.center(), null, null, "new", null, null, explanations, null);
    }

    /** A measurement of the baseline that this run does not have. */
    static Verdict missing(Measured m, List<String> explanations) {
        return new Verdict(
                m.kind(), m.name(), m.unit(), m.center(), null, null, null, "missing", null, null, explanations, null);
    }
}
