package io.regtrack.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's measurements judged against a baseline: one verdict per measurement, what changed in the
 * environment, and warnings. {@code status} is the worst verdict ({@code regressed} > {@code noisy}
 * > {@code improved} > {@code unchanged}), or {@code no-baseline} when there is nothing to compare
 * with. Verdicts are listed worst first. Pure: built by {@link #of}, no framework; the API's
 * answer is made from it elsewhere.
 */
public record Judgement(
        BaselineRef baseline,
        String status,
        List<Verdict> verdicts,
        List<SettingChange> profileChanges,
        List<SettingChange> toolchainChanges,
        List<SettingChange> runnerChanges,
        List<String> warnings) {

    public static final String NO_BASELINE = "no-baseline";

    /** The run judged against: a release (with its tag), or any other run (tag null). */
    public record BaselineRef(String tag, String commit, long runId) {}

    /** One setting that differs between baseline and run, e.g. {@code lto: fat → false}. */
    public record SettingChange(String setting, String baseline, String current) {}

    /** What a run is judged against. */
    public record Base(BaselineRef ref, List<Measured> measured, Environment environment) {}

    /**
     * @param base      null when there is nothing to compare with
     * @param histories recent central values of each measurement's series, oldest first, by
     *                  {@link Measured#key()}
     */
    public static Judgement of(
            List<Measured> measured,
            Environment environment,
            Base base,
            Thresholds thresholds,
            Map<SeriesKey, List<Double>> histories,
            List<String> warnings) {
        if (base == null) {
            List<Verdict> verdicts = ordered(measured).stream()
                    .map(m -> Verdict.added(m, List.of()))
                    .toList();
            return new Judgement(null, NO_BASELINE, verdicts, List.of(), List.of(), List.of(), List.copyOf(warnings));
        }
        Environment before = base.environment();
        List<String> explanations = before.explain(environment);
        Map<SeriesKey, Measured> baseline = new LinkedHashMap<>();
        base.measured().forEach(m -> baseline.put(m.key(), m));
        List<Verdict> verdicts = new ArrayList<>();
        for (Measured current : ordered(measured)) {
            Measured was = baseline.remove(current.key());
            verdicts.add(
                    was == null
                            ? Verdict.added(current, explanations)
                            : Judge.judge(
                                    was,
                                    current,
                                    thresholds,
                                    histories.getOrDefault(current.key(), List.of()),
                                    explanations));
        }
        for (Measured gone : ordered(List.copyOf(baseline.values()))) {
            verdicts.add(Verdict.missing(gone, explanations));
        }
        String status = VerdictStatus.worst(
                        verdicts.stream().map(Verdict::status).toList())
                .wire();
        return new Judgement(
                base.ref(),
                status,
                worstFirst(verdicts),
                before.profileChanges(environment),
                before.toolchainChanges(environment),
                before.runnerChanges(environment),
                List.copyOf(warnings));
    }

    /** In the one order of {@link VerdictStatus}, worst first; by kind and name within a status. */
    private static List<Verdict> worstFirst(List<Verdict> verdicts) {
        return verdicts.stream()
                .sorted(Comparator.comparing(Verdict::status)
                        .thenComparing(Verdict::kind)
                        .thenComparing(Verdict::name))
                .toList();
    }

    private static List<Measured> ordered(List<Measured> measured) {
        return measured.stream()
                .sorted(Comparator.comparing(Measured::kind).thenComparing(Measured::name))
                .toList();
    }
}
