package io.regtrack.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StepBoundTest {

    private final StepBound bound = new StepBound(30, 6, 0.05, 30);

    private static List<double[]> noise(double spread, long seed) {
        Random random = new Random(seed);
        List<double[]> histories = new ArrayList<>();
        for (int s = 0; s < 6; s++) {
            double[] series = new double[200];
            for (int i = 0; i < series.length; i++) {
                series[i] = 1000 * (1 + spread * random.nextGaussian());
            }
            histories.add(series);
        }
        return histories;
    }

    @Test
    void aStepFarAboveTheNoiseIsAlwaysFoundAtItsCommit() {
        StepBound.Result r = bound.recall(noise(0.01, 1), 3, 0.20);
        assertThat(r.recall()).isEqualTo(1.0);
        assertThat(r.alarmsPer1000()).isLessThanOrEqualTo(3);
    }

    @Test
    void aStepInsideTheNoiseIsMostlyMissedAtAFewAlarmsPerThousand() {
        StepBound.Result r = bound.recall(noise(0.15, 2), 3, 0.10);
        assertThat(r.recall()).isLessThan(0.3);
        assertThat(r.recallByNoise()[2]).isEqualTo(r.recall());
    }

    @Test
    void moreAlarmsAllowedFindMore() {
        List<double[]> histories = noise(0.06, 3);
        assertThat(bound.recall(histories, 20, 0.10).recall())
                .isGreaterThan(bound.recall(histories, 1, 0.10).recall());
    }

    @Test
    void theTestIgnoresMovesBelowTheMinimumEffect() {
        double[] series = new double[60];
        for (int i = 0; i < series.length; i++) {
            series[i] = i < 40 ? 100 : 104;
        }
        assertThat(bound.p(series, 40)).isEqualTo(1.0);
        series[45] = 100;
        for (int i = 40; i < series.length; i++) {
            series[i] = 110;
        }
        assertThat(bound.p(series, 40)).isLessThan(1e-5);
    }
}
