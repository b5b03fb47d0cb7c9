package io.regtrack.changepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RederiveTest {

    private static final DoubleUnaryOperator TEN = base -> 10;
    private static final ShiftDetector SHIFTS = new ShiftDetector();

    private static Rederive.Recorded step(int at, boolean increase) {
        return new Rederive.Recorded(Change.Method.STEP, at, at, List.of(at), increase, 0);
    }

    private static double[] parse(String values) {
        return Arrays.stream(values.trim().split(" +"))
                .mapToDouble(Double::parseDouble)
                .toArray();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            culprit removed, the level stays  | 100 100 150 150 | 2 | 2 | true  | 2  | 100 | 150
            the whole step removed            | 100 100 150     | 2 | 2 | true  | -1 | 0   | 0
            a spike's rise removed            | 100 150 100     | 1 | 1 | true  | -1 | 0   | 0
            a spike's fall loses its rise     | 100 150 100     | 1 | 2 | false | -1 | 0   | 0
            two rises become one              | 100 150 200     | 1 | 1 | true  | 1  | 100 | 200
            the next rise starts lower        | 100 150 200     | 1 | 2 | true  | 1  | 100 | 200
            a fall that becomes a rise is gone | 100 200 150    | 1 | 2 | false | -1 | 0   | 0
            the first point removed            | 100 150 150    | 0 | 1 | true  | -1 | 0   | 0
            """)
    void aStepIsLookedForWhereTheRemovedPointWas(
            String name,
            String values,
            int removed,
            int culprit,
            boolean increase,
            int now,
            double before,
            double after) {
        Optional<Rederive.Rederived> found =
                Rederive.without(parse(values), removed, step(culprit, increase), TEN, SHIFTS, 0);
        if (now < 0) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).isPresent();
            assertThat(found.get().change().culprit()).isEqualTo(now);
            assertThat(found.get().detected()).isEqualTo(now);
            assertThat(found.get().change().before()).isEqualTo(before);
            assertThat(found.get().change().after()).isEqualTo(after);
        }
    }

    @Test
    void aStepAwayFromTheRemovedPointIsNotTouched() {
        assertThat(Rederive.touches(step(5, true), 2)).isFalse();
        assertThat(Rederive.touches(step(3, true), 2)).isTrue();
        assertThat(Rederive.touches(step(2, true), 2)).isTrue();
    }

    @Test
    void aCreepKeepsItsOtherSuspectsAndIsGoneWithItsDetection() {
        double[] values = parse("100 105 108 112");
        Rederive.Recorded creep = new Rederive.Recorded(Change.Method.CREEP, -1, 3, List.of(1, 2, 3), true, 100);
        assertThat(Rederive.without(values, 3, creep, TEN, SHIFTS, 0)).isEmpty();
        Optional<Rederive.Rederived> withoutOne = Rederive.without(values, 2, creep, TEN, SHIFTS, 0);
        assertThat(withoutOne).isPresent();
        assertThat(withoutOne.get().detected()).isEqualTo(2);
        assertThat(withoutOne.get().change().suspects()).containsExactly(1, 2);
        assertThat(withoutOne.get().change().culprit()).isEqualTo(-1);
        // Without its first suspect the creep is a step now: not the recorded creep any more.
        assertThat(Rederive.without(parse("100 104 112 113"), 1, creep, TEN, SHIFTS, 0))
                .isEmpty();
    }

    @Test
    void aShiftIsFoundAgainWithoutItsCulprit() {
        double[] values = new double[30];
        for (int i = 0; i < values.length; i++) {
            values[i] = (i < 20 ? 1.0 : 1.5) + 0.01 * ((i * 7) % 5);
        }
        List<Shift> shifts = SHIFTS.detect(values);
        assertThat(shifts).hasSize(1);
        Shift shift = shifts.get(0);
        assertThat(shift.start()).isEqualTo(20);
        double[] upToDetection = Arrays.copyOf(values, values.length);
        Rederive.Recorded recorded = new Rederive.Recorded(
                Change.Method.SHIFT, shift.start(), shift.detectedAt(), List.of(shift.start()), true, shift.before());
        Optional<Rederive.Rederived> found = Rederive.without(upToDetection, shift.start(), recorded, TEN, SHIFTS, 0);
        assertThat(found).isPresent();
        assertThat(found.get().change().culprit()).isEqualTo(20); // the point after the removed one
        assertThat(found.get().change().isIncrease()).isTrue();
        // The whole new level removed point by point: the last removal leaves no shift.
        double[] flat = Arrays.copyOf(values, 21);
        Rederive.Recorded tail = new Rederive.Recorded(Change.Method.SHIFT, 20, 20, List.of(20), true, shift.before());
        assertThat(Rederive.without(flat, 20, tail, TEN, SHIFTS, 0)).isEmpty();
    }

    @Test
    void aPointOutsideTheSeriesIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> Rederive.without(parse("1 2"), 2, step(1, true), TEN, SHIFTS, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
