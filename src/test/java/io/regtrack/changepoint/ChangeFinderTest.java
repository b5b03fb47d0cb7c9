package io.regtrack.changepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeFinderTest {

    private static final DoubleUnaryOperator EVERY_BYTE = base -> 0;
    private static final DoubleUnaryOperator DEFAULT = base -> Math.max(base * 0.01, 16_384);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            nothing          | ''               | -1
            one value        | 5                | -1
            constant         | 7 7 7 7          | -1
            one byte more    | 7 7 7 8          | 3
            one byte less    | 7 7 8 7          | 3
            huge values      | 1e300 1e300 2e300 | 2
            """)
    void everyByteCountsWithAZeroAllowance(String name, String values, int culprit) {
        Optional<Change> step = ChangeFinder.step(parse(values), EVERY_BYTE);
        if (culprit < 0) {
            assertThat(step).isEmpty();
        } else {
            assertThat(step).get().extracting(Change::culprit).isEqualTo(culprit);
            assertThat(step.get().method()).isEqualTo(Change.Method.STEP);
            assertThat(step.get().suspects()).containsExactly(culprit);
        }
    }

    @Test
    void everyStepOfTheRaySizeHistoryIsFoundCausallyAtItsExactCommit() throws Exception {
        List<EvalData.Sized> ray = EvalData.ray();
        double[] sizes = ray.stream().mapToDouble(EvalData.Sized::size).toArray();
        int steps = 0;
        for (int i = 1; i < sizes.length; i++) {
            Optional<Change> step = ChangeFinder.step(java.util.Arrays.copyOf(sizes, i + 1), EVERY_BYTE);
            assertThat(step.isPresent()).as("commit %s", ray.get(i).commit()).isEqualTo(sizes[i] != sizes[i - 1]);
            if (step.isPresent()) {
                steps++;
                assertThat(step.get().culprit()).isEqualTo(i);
                assertThat(step.get().isIncrease()).isEqualTo(sizes[i] > sizes[i - 1]);
            }
        }
        assertThat(steps).isEqualTo(61);
        assertThat(ChangeFinder.step(java.util.Arrays.copyOf(sizes, 20), EVERY_BYTE))
                .get()
                .extracting(Change::culprit)
                .isEqualTo(19);
        assertThat(ray.get(19).commit()).isNotEqualTo(ray.get(18).commit());
    }

    @Test
    void oneByteApartAtTheEdgeOfDoublePrecisionIsAStep() {
        assertThat(ChangeFinder.step(new double[] {9007199254740992d, 9007199254740991d}, EVERY_BYTE))
                .get()
                .extracting(Change::culprit)
                .isEqualTo(1);
    }

    @Test
    void aStepWithinTheAllowanceIsNoStepButOneBeyondItIs() {
        assertThat(ChangeFinder.step(new double[] {1_000_000, 1_016_384}, DEFAULT))
                .isEmpty();
        Change step =
                ChangeFinder.step(new double[] {1_000_000, 1_016_385}, DEFAULT).orElseThrow();
        assertThat(step.isIncrease()).isTrue();
        assertThat(step.before()).isEqualTo(1_000_000);
        assertThat(step.after()).isEqualTo(1_016_385);
        assertThat(ChangeFinder.step(new double[] {1_016_385, 1_000_000}, DEFAULT))
                .get()
                .extracting(Change::isIncrease)
                .isEqualTo(false);
    }

    @Test
    void smallStepsThatAddUpSinceTheReleaseAreACreepOnceAtTheCommitThatCrossed() {
        double[] sizes = {1_000_000, 1_005_000, 1_005_000, 1_010_000, 1_015_000, 1_020_000};
        Change creep = ChangeFinder.creep(sizes, 1, 1_000_000, DEFAULT).orElseThrow();
        assertThat(creep.method()).isEqualTo(Change.Method.CREEP);
        assertThat(creep.culprit()).isEqualTo(-1);
        assertThat(creep.suspects()).containsExactly(1, 3, 4, 5);
        assertThat(creep.before()).isEqualTo(1_000_000);
        assertThat(creep.after()).isEqualTo(1_020_000);
        // not again at the next commit, which stays beyond
        double[] later = {1_000_000, 1_005_000, 1_005_000, 1_010_000, 1_015_000, 1_020_000, 1_021_000};
        assertThat(ChangeFinder.creep(later, 1, 1_000_000, DEFAULT)).isEmpty();
        // nor before it crossed
        assertThat(ChangeFinder.creep(java.util.Arrays.copyOf(sizes, 5), 1, 1_000_000, DEFAULT))
                .isEmpty();
        // a single step past the allowance is a step, not a creep
        assertThat(ChangeFinder.creep(new double[] {1_000_000, 1_030_000}, 1, 1_000_000, DEFAULT))
                .isEmpty();
        assertThat(ChangeFinder.creep(new double[0], 0, 1, DEFAULT)).isEmpty();
    }

    @Test
    void aShiftIsReportedOnceAtTheNewestPointWithItsCulpritAndSuspects() {
        Random random = new Random(7);
        double[] series = new double[40];
        for (int i = 0; i < series.length; i++) {
            series[i] = (i >= 30 ? 120 : 100) * (1 + 0.01 * random.nextGaussian());
        }
        ShiftDetector detector = new ShiftDetector();
        Optional<Change> atDetection = Optional.empty();
        int detectedAt = -1;
        for (int n = 2; n <= series.length && atDetection.isEmpty(); n++) {
            atDetection = ChangeFinder.shift(java.util.Arrays.copyOf(series, n), 0, detector);
            detectedAt = n - 1;
        }
        Change shift = atDetection.orElseThrow();
        assertThat(shift.method()).isEqualTo(Change.Method.SHIFT);
        assertThat(shift.culprit()).isEqualTo(30);
        assertThat(detectedAt).as("found within the four points after it").isBetween(30, 33);
        assertThat(shift.suspects())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(30, detectedAt)
                        .boxed()
                        .toList());
        assertThat(shift.isIncrease()).isTrue();
        // once the level starts at the culprit, the same change is not found again
        assertThat(ChangeFinder.shift(java.util.Arrays.copyOf(series, 35), 30, detector))
                .isEmpty();
    }

    @Test
    void noisyEdgeCasesGiveNoShift() {
        ShiftDetector detector = new ShiftDetector();
        assertThat(ChangeFinder.shift(new double[0], 0, detector)).isEmpty();
        assertThat(ChangeFinder.shift(new double[] {1}, 0, detector)).isEmpty();
        double[] constant = new double[40];
        java.util.Arrays.fill(constant, 3.5);
        assertThat(ChangeFinder.shift(constant, 0, detector)).isEmpty();
        double[] zeros = new double[40];
        assertThat(ChangeFinder.shift(zeros, 0, detector)).isEmpty();
    }

    private static double[] parse(String values) {
        return values.isBlank()
                ? new double[0]
                : java.util.Arrays.stream(values.trim().split("\\s+"))
                        .mapToDouble(Double::parseDouble)
                        .toArray();
    }
}
