package io.regtrack.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DownsampleTest {

    @Test
    void aStepInAHundredThousandPointsStaysVisible() {
        double[] values = new double[100_000];
        Random random = new Random(1);
        for (int i = 0; i < values.length; i++) {
            values[i] = (i < 61_234 ? 300_000 : 316_500) + random.nextInt(3);
        }
        List<Integer> kept = Downsample.keep(values, 1_000);
        assertThat(kept.size()).isLessThanOrEqualTo(1_002);
        assertThat(kept).isSorted().contains(0, values.length - 1);
        int before = kept.stream()
                .filter(i -> i < 61_234)
                .mapToInt(Integer::intValue)
                .max()
                .orElseThrow();
        int after = kept.stream()
                .filter(i -> i >= 61_234)
                .mapToInt(Integer::intValue)
                .min()
                .orElseThrow();
        assertThat(values[before]).isLessThan(300_003);
        assertThat(values[after]).isGreaterThanOrEqualTo(316_500);
        assertThat(after - before).isLessThan(values.length / 250);
    }

    @Test
    void spikesAndDipsAreKept() {
        double[] values = new double[50_000];
        java.util.Arrays.fill(values, 10);
        values[12_345] = 1_000;
        values[40_000] = 0.5;
        List<Integer> kept = Downsample.keep(values, 400);
        assertThat(kept).contains(12_345, 40_000);
    }

    @Test
    void shortSeriesAreKeptWhole() {
        assertThat(Downsample.keep(new double[0], 1000)).isEmpty();
        assertThat(Downsample.keep(new double[] {1}, 1000)).containsExactly(0);
        assertThat(Downsample.keep(new double[] {1, 2, 3}, 1000)).containsExactly(0, 1, 2);
    }
}
