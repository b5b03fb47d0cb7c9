package io.regtrack.changepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShiftDetectorTest {

    private static final int[] MOZILLA_CHANGES = {52, 89, 336, 372, 483, 549};
    private static final int MARGIN = 5;

    private final ShiftDetector detector = new ShiftDetector();

    @Test
    void findsTheLabelledMozillaChangesCausallyWithFewFalseAlarms() throws Exception {
        List<Shift> shifts = detector.detect(EvalData.mozilla());
        Set<Shift> matched = new HashSet<>();
        int found = 0;
        for (int change : MOZILLA_CHANGES) {
            for (Shift s : shifts) {
                if (!matched.contains(s) && change <= s.detectedAt() && s.detectedAt() <= change + MARGIN) {
                    matched.add(s);
                    found++;
                    assertThat(Math.abs(s.start() - change))
                            .as("culprit of the change at %d", change)
                            .isLessThanOrEqualTo(3);
                    break;
                }
            }
        }
        int falseAlarms = shifts.size() - matched.size();
        System.out.printf(
                "Mozilla 4653996: %d of %d labelled changes found within %d points, %d false alarms: %s%n",
                found, MOZILLA_CHANGES.length, MARGIN, falseAlarms, shifts);
        assertThat(found).isGreaterThanOrEqualTo(5);
        assertThat(falseAlarms).isLessThanOrEqualTo(3);
    }

    @Test
    void oneDetectionIsMadeCausally() throws Exception {
        double[] series = EvalData.mozilla();
        List<Shift> all = detector.detect(series);
        for (Shift s : all) {
            double[] upToDetection = java.util.Arrays.copyOf(series, s.detectedAt() + 1);
            List<Shift> seenThen = detector.detect(upToDetection);
            assertThat(seenThen.get(seenThen.size() - 1)).isEqualTo(s);
        }
    }

    @Test
    void oneOutlierIsNotAShift() {
        double[] series = flat(60, 100, 0.01, 3);
        series[40] = 600;
        assertThat(detector.detect(series)).isEmpty();
    }

    @Test
    void aClearStepIsFoundAtItsFirstPoint() {
        double[] series = flat(80, 100, 0.01, 4);
        for (int i = 50; i < series.length; i++) {
            series[i] *= 1.2;
        }
        List<Shift> shifts = detector.detect(series);
        assertThat(shifts).hasSize(1);
        assertThat(shifts.get(0).start()).isEqualTo(50);
        assertThat(shifts.get(0).detectedAt()).isBetween(50, 55);
        assertThat(shifts.get(0).relativeChange()).isBetween(0.15, 0.25);
    }

    @Test
    void edgeCasesGiveNoShift() {
        assertThat(detector.detect(new double[0])).isEmpty();
        assertThat(detector.detect(new double[] {1})).isEmpty();
        assertThat(detector.detect(new double[40])).isEmpty();
        double[] constant = new double[40];
        java.util.Arrays.fill(constant, 7.5);
        assertThat(detector.detect(constant)).isEmpty();
        double[] huge = flat(40, 1e300, 0.01, 5);
        assertThat(detector.detect(huge)).isEmpty();
    }

    @Test
    void falseAlarmRateOnUnlabelledHyperHistories() throws Exception {
        int points = 0;
        int alarms = 0;
        for (Map.Entry<String, double[]> series : EvalData.hyper().entrySet()) {
            points += series.getValue().length;
            alarms += detector.detect(series.getValue()).size();
        }
        double perThousand = alarms * 1000.0 / points;
        System.out.printf("hyper: %d shifts over %d points = %.1f per 1,000 commits%n", alarms, points, perThousand);
        assertThat(perThousand).isLessThan(10);
    }

    private static double[] flat(int n, double level, double noise, long seed) {
        Random random = new Random(seed);
        double[] series = new double[n];
        for (int i = 0; i < n; i++) {
            series[i] = level * (1 + noise * random.nextGaussian());
        }
        return series;
    }
}
