package io.regtrack.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JudgeTest {

    private static Verdict size(double before, double after, Thresholds t) {
        return Judge.judge(
                Measured.value("size", "app", "bytes", before),
                Measured.value("size", "app", "bytes", after),
                t,
                List.of(),
                List.of());
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @CsvSource({
        "300000, 300000, unchanged",
        "300000, 316384, unchanged", // +16 KiB exactly is within the allowance
        "300000, 316385, regressed", // one byte more is not
        "300000, 283615, improved",
        "300000, 283616, unchanged",
        "10000000, 10100000, unchanged", // 1 % of 10 MB is larger than 16 KiB
        "10000000, 10100001, regressed",
        "10000000, 9899999, improved",
        "0, 16385, regressed", // from nothing: the byte allowance still applies
        "9007199254740992, 9007199254740992, unchanged"
    })
    void sizesFailBeyondOnePercentOrSixteenKibibytes(double before, double after, String status) {
        Verdict v = size(before, after, Thresholds.DEFAULT);
        assertThat(v.status()).isEqualTo(VerdictStatus.of(status));
        assertThat(v.delta()).isEqualTo(after - before);
        assertThat(v.test()).isEqualTo("size-threshold");
    }

    @Test
    void everyByteIsReportedEvenWhenItPasses() {
        Verdict v = size(300000, 300001, Thresholds.DEFAULT);
        assertThat(v.status()).isEqualTo(VerdictStatus.UNCHANGED);
        assertThat(v.delta()).isEqualTo(1.0);
        assertThat(v.deltaPercent()).isEqualTo(0.0);
        assertThat(size(0, 5, Thresholds.DEFAULT).deltaPercent()).isNull();
    }

    @Test
    void aBinaryMayHaveItsOwnThreshold() {
        Thresholds strict = new Thresholds(
                Thresholds.Size.DEFAULT,
                Thresholds.Runtime.DEFAULT,
                Map.of("app", new Thresholds.Override(new Thresholds.Size(0, 100), null)));
        assertThat(size(300000, 300101, strict).status()).isEqualTo(VerdictStatus.REGRESSED);
        assertThat(size(300000, 300100, strict).status()).isEqualTo(VerdictStatus.UNCHANGED);
    }

    private static Measured samples(double center, double spread, int n, long seed) {
        Random random = new Random(seed);
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = center * (1 + spread * random.nextGaussian());
        }
        return new Measured(
                "runtime",
                "bench",
                "seconds",
                new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(values),
                values);
    }

    private static Verdict runtime(Measured before, Measured after, Thresholds.Runtime rule) {
        return Judge.judge(
                before, after, new Thresholds(Thresholds.Size.DEFAULT, rule, Map.of()), List.of(), List.of());
    }

    @Test
    void aClearSlowdownInQuietSamplesIsARegression() {
        Verdict v = runtime(samples(1.0, 0.01, 20, 1), samples(1.2, 0.01, 20, 2), Thresholds.Runtime.DEFAULT);
        assertThat(v.status()).isEqualTo(VerdictStatus.REGRESSED);
        assertThat(v.test()).isEqualTo("mann-whitney");
        assertThat(v.pValue()).isLessThan(0.01);
        assertThat(runtime(samples(1.2, 0.01, 20, 3), samples(1.0, 0.01, 20, 4), Thresholds.Runtime.DEFAULT)
                        .status())
                .isEqualTo(VerdictStatus.IMPROVED);
    }

    @Test
    void welchsTestCanBeChosen() {
        Verdict v =
                runtime(samples(1.0, 0.01, 20, 1), samples(1.2, 0.01, 20, 2), new Thresholds.Runtime(0.01, 5, "welch"));
        assertThat(v.status()).isEqualTo(VerdictStatus.REGRESSED);
        assertThat(v.test()).isEqualTo("welch");
    }

    @Test
    void aSignificantButTinyChangeIsUnchanged() {
        Verdict v = runtime(samples(1.0, 0.001, 30, 5), samples(1.02, 0.001, 30, 6), Thresholds.Runtime.DEFAULT);
        assertThat(v.pValue()).isLessThan(0.01);
        assertThat(v.status()).isEqualTo(VerdictStatus.UNCHANGED);
    }

    @Test
    void aLargeButUnsupportedChangeIsNoisy() {
        Verdict v = runtime(samples(1.0, 0.5, 6, 7), samples(1.1, 0.5, 6, 8), Thresholds.Runtime.DEFAULT);
        assertThat(v.status()).isIn(VerdictStatus.NOISY, VerdictStatus.UNCHANGED);
        assertThat(v.status()).isNotEqualTo(VerdictStatus.REGRESSED);
        Verdict wild = runtime(
                new Measured("runtime", "b", "s", 1, new double[] {1, 3, 1, 3, 1, 3}),
                new Measured("runtime", "b", "s", 2, new double[] {2, 1, 3, 2, 1, 3}),
                Thresholds.Runtime.DEFAULT);
        assertThat(wild.status()).isEqualTo(VerdictStatus.NOISY);
    }

    @Test
    void tooFewSamplesAreNoisyNotAGuess() {
        Measured before = new Measured("runtime", "b", "s", 1.0, new double[] {1.0, 1.0, 1.0});
        Measured after = new Measured("runtime", "b", "s", 2.0, new double[] {2.0, 2.0, 2.0});
        Verdict v = runtime(before, after, Thresholds.Runtime.DEFAULT);
        assertThat(v.status()).isEqualTo(VerdictStatus.NOISY);
        assertThat(v.reason()).isEqualTo("too few samples: 3 in the baseline and 3 here; 5 are needed on each side");
    }

    @Test
    void identicalSamplesAreUnchanged() {
        double[] same = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5};
        Verdict v = runtime(
                new Measured("runtime", "b", "s", 0.5, same),
                new Measured("runtime", "b", "s", 0.5, same),
                Thresholds.Runtime.DEFAULT);
        assertThat(v.status()).isEqualTo(VerdictStatus.UNCHANGED);
        assertThat(v.delta()).isZero();
    }

    private static List<Double> quietHistory(int n) {
        List<Double> history = new ArrayList<>();
        Random random = new Random(11);
        for (int i = 0; i < n; i++) {
            history.add(100 * (1 + 0.01 * random.nextGaussian()));
        }
        return history;
    }

    private static Verdict single(double before, double after, List<Double> history) {
        return Judge.judge(
                Measured.value("runtime", "b", "ms", before),
                Measured.value("runtime", "b", "ms", after),
                Thresholds.DEFAULT,
                history,
                List.of());
    }

    @Test
    void singleValuesAreJudgedAgainstTheSeriesOwnNoise() {
        assertThat(single(100, 115, quietHistory(20)).status()).isEqualTo(VerdictStatus.REGRESSED);
        assertThat(single(100, 115, quietHistory(20)).test()).isEqualTo("iqr-fence");
        assertThat(single(100, 85, quietHistory(20)).status()).isEqualTo(VerdictStatus.IMPROVED);
        assertThat(single(100, 103, quietHistory(20)).status()).isEqualTo(VerdictStatus.UNCHANGED);
    }

    @Test
    void aNoisySeriesNeedsABiggerChange() {
        List<Double> jumpy = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            jumpy.add(i % 2 == 0 ? 100.0 : 130.0);
        }
        assertThat(Judge.noiseFence(jumpy)).isGreaterThan(20);
        assertThat(single(100, 115, jumpy).status()).isEqualTo(VerdictStatus.UNCHANGED);
    }

    @Test
    void aShortHistoryIsNoisy() {
        assertThat(single(100, 150, List.of()).status()).isEqualTo(VerdictStatus.NOISY);
        assertThat(single(100, 150, List.of(100.0)).reason())
                .isEqualTo("single values with too little history to know the noise: 1 earlier runs, 8 needed");
        assertThat(single(100, 150, quietHistory(Judge.MIN_HISTORY - 1)).status())
                .isEqualTo(VerdictStatus.NOISY);
        assertThat(single(100, 100, List.of()).status()).isEqualTo(VerdictStatus.UNCHANGED);
    }

    @Test
    void theNoiseFenceHandlesEdgeCases() {
        assertThat(Judge.noiseFence(null)).isNaN();
        assertThat(Judge.noiseFence(List.of())).isNaN();
        assertThat(Judge.noiseFence(List.of(5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0)))
                .isZero();
        assertThat(Judge.noiseFence(List.of(5.0, 0.0, 5.0, 5.0, 5.0, 5.0, 5.0, 5.0)))
                .isNaN();
        assertThat(Judge.noiseFence(List.of(1e300, 1e300, 1e300, 1e300, 1e300, 1e300, 1e300, 1e300)))
                .isZero();
    }

    @Test
    void instructionCountsAreExactAndJudgedByThePercentageAlone() {
        Verdict small = Judge.judge(
                Measured.value("instructions", "parse", "count", 1_000_000),
                Measured.value("instructions", "parse", "count", 1_005_000),
                Thresholds.DEFAULT,
                List.of(),
                List.of());
        assertThat(small.status()).isEqualTo(VerdictStatus.UNCHANGED);
        assertThat(small.delta()).isEqualTo(5_000.0);
        assertThat(small.test()).isEqualTo("count-threshold");
        Verdict step = Judge.judge(
                Measured.value("instructions", "parse", "count", 1_000_000),
                Measured.value("instructions", "parse", "count", 1_020_000),
                Thresholds.DEFAULT,
                List.of(),
                List.of());
        assertThat(step.status()).isEqualTo(VerdictStatus.REGRESSED);
        assertThat(Judge.judge(
                                Measured.value("l1-hits", "parse", "count", 500),
                                Measured.value("l1-hits", "parse", "count", 400),
                                Thresholds.DEFAULT,
                                List.of(),
                                List.of())
                        .status())
                .isEqualTo(VerdictStatus.IMPROVED);
    }

    @Test
    void forThroughputLargerIsBetter() {
        Thresholds.Runtime rule = Thresholds.Runtime.DEFAULT;
        Measured before = throughput(samples(1000, 0.01, 20, 1));
        assertThat(runtime(before, throughput(samples(800, 0.01, 20, 2)), rule).status())
                .isEqualTo(VerdictStatus.REGRESSED);
        assertThat(runtime(before, throughput(samples(1200, 0.01, 20, 3)), rule).status())
                .isEqualTo(VerdictStatus.IMPROVED);
        assertThat(Judge.judge(
                                new Measured("throughput", "parse", "ops/s", 1000, null),
                                new Measured("throughput", "parse", "ops/s", 700, null),
                                Thresholds.DEFAULT,
                                quietHistory(20),
                                List.of())
                        .status())
                .isEqualTo(VerdictStatus.REGRESSED);
    }

    private static Measured throughput(Measured m) {
        return new Measured("throughput", m.name(), "ops/s", m.center(), m.samples());
    }
}
