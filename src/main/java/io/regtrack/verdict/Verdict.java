package io.regtrack.verdict;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The judgement of one measurement against its baseline. Built in one of three ways: a measurement
 * the baseline lacks ({@link #added}), one this run lacks ({@link #missing}), or one both have,
 * judged by a {@link Call} ({@link #judged}).
 */
public record Verdict(
        String kind,
        String name,
        String unit,
        Double baseline,
        Double current,
        Double delta,
        Double deltaPercent,
        VerdictStatus status,
        String test,
        Double pValue,
        List<String> explanations,

        @Schema(
                description = "Why the data cannot tell, for a noisy verdict: too few samples, too little "
                        + "history, or samples that do not support the move")
        String reason,

        @Schema(
                description = "Why, in one line, as the Markdown and the pages show it: what changed in the "
                        + "environment or 'code change' for a regression or improvement, the reason for a noisy "
                        + "one, 'not in the baseline' or 'not in this run'")
        String why,

        @Schema(description = "The numbers as the Markdown and the pages show them, in human units")
        Shown shown,

        @Schema(
                description = "For a binary whose parts are known on both sides: the sections and crates whose "
                        + "size changed, the largest change first")
        List<Composition.PartChange> composition) {

    /** Baseline, current value, delta and delta % as people read them: {@code 296.4 KiB (303,552 B)}, {@code +2.10 %}. */
    public record Shown(String baseline, String current, String delta, String deltaPercent) {

        static Shown of(String unit, Double baseline, Double current, Double delta, Double deltaPercent) {
            return new Shown(
                    baseline == null ? "—" : Units.format(baseline, unit),
                    current == null ? "—" : Units.format(current, unit),
                    delta == null ? "" : Units.signed(delta, unit),
                    Units.percent(deltaPercent));
        }
    }

    /** How a verdict was reached: the status, the rule or test that decided it, its p-value, and why for a noisy one. */
    public record Call(VerdictStatus status, String test, Double pValue, String reason) {

        static Call of(VerdictStatus status, String test) {
            return new Call(status, test, null, null);
        }

        static Call tested(VerdictStatus status, String test, double pValue) {
            return new Call(status, test, pValue, null);
        }

        static Call noisy(String test, Double pValue, String reason) {
            return new Call(VerdictStatus.NOISY, test, pValue, reason);
        }
    }

    /** A measurement both sides have, with the exact delta and its percentage (rounded to 0.01) of the baseline. */
    static Verdict judged(Measured baseline, Measured current, Call call, List<String> explanations) {
        List<Composition.PartChange> composition = Composition.changes(baseline.parts(), current.parts());
        double delta = current.center() - baseline.center();
        Double percent = null;
        if (baseline.center() != 0) {
            percent = Math.round(delta / Math.abs(baseline.center()) * 100 * 100) / 100.0;
        }
        return new Verdict(
                current.kind(),
                current.name(),
                current.unit(),
                baseline.center(),
                current.center(),
                delta,
                percent,
                call.status(),
                call.test(),
                call.pValue(),
                explanations,
                call.reason(),
                why(call.status(), explanations, call.reason(), call.pValue(), composition),
                Shown.of(current.unit(), baseline.center(), current.center(), delta, percent),
                composition);
    }

    /** A measurement the baseline does not have. */
    static Verdict added(Measured m, List<String> explanations) {
        return new Verdict(
                m.kind(),
                m.name(),
                m.unit(),
                null,
                m.center(),
                null,
                null,
                VerdictStatus.NEW,
                null,
                null,
                explanations,
                null,
                why(VerdictStatus.NEW, explanations, null, null, List.of()),
                Shown.of(m.unit(), null, m.center(), null, null),
                List.of());
    }

    /** A measurement of the baseline that this run does not have. */
    static Verdict missing(Measured m, List<String> explanations) {
        return new Verdict(
                m.kind(),
                m.name(),
                m.unit(),
                m.center(),
                null,
                null,
                null,
                VerdictStatus.MISSING,
                null,
                null,
                explanations,
                null,
                why(VerdictStatus.MISSING, explanations, null, null, List.of()),
                Shown.of(m.unit(), m.center(), null, null, null),
                List.of());
    }

    /**
     * The one "why" line: the API, the Markdown and the pages all show this text. For a binary whose
     * parts are known, what grew or shrank follows: {@code code change: regex +9.1 KiB, .rodata +2.4 KiB}.
     */
    static String why(
            VerdictStatus status,
            List<String> explanations,
            String reason,
            Double pValue,
            List<Composition.PartChange> composition) {
        return switch (status) {
            case REGRESSED, IMPROVED ->
                (explanations.isEmpty() ? "code change" : String.join(", ", explanations))
                        + (composition.isEmpty() ? "" : ": " + Composition.summary(composition));
            case NOISY ->
                reason != null
                        ? reason
                        : "the data cannot tell"
                                + (pValue == null ? "" : String.format(java.util.Locale.ROOT, " (p = %.2g)", pValue));
            case NEW -> "not in the baseline";
            case MISSING -> "not in this run";
            case UNCHANGED -> "";
        };
    }
}
