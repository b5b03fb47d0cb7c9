package io.regtrack.matrix;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoTest {

    @Test
    void keepsWhatNothingBeatsOnBothSizeAndTime() {
        List<Pareto.Point> points = List.of(
                new Pareto.Point("release", 300, 1.0),
                new Pareto.Point("min-size", 200, 1.02),
                new Pareto.Point("dev", 900, 5.0),
                new Pareto.Point("fast", 320, 0.8),
                new Pareto.Point("twin", 300, 1.0));
        assertThat(Pareto.frontier(points)).containsExactly("release", "min-size", "fast", "twin");
    }

    @Test
    void withoutTimesOnlySizeCounts() {
        assertThat(Pareto.frontier(
                        List.of(new Pareto.Point("a", 300, Double.NaN), new Pareto.Point("b", 200, Double.NaN))))
                .containsExactly("b");
    }

    @Test
    void edgeCases() {
        assertThat(Pareto.frontier(List.of())).isEmpty();
        assertThat(Pareto.frontier(List.of(new Pareto.Point("only", 1, 1)))).containsExactly("only");
    }
}
