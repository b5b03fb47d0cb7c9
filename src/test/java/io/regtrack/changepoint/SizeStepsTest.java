package io.regtrack.changepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SizeStepsTest {

    @Test
    void everyStepOfTheRaySizeHistoryIsFoundAtItsExactCommit() throws Exception {
        List<EvalData.Sized> ray = EvalData.ray();
        double[] sizes = ray.stream().mapToDouble(EvalData.Sized::size).toArray();
        List<Integer> steps = SizeSteps.steps(sizes);
        assertThat(steps).isNotEmpty();
        for (int i = 1; i < sizes.length; i++) {
            assertThat(steps.contains(i)).as("commit %s", ray.get(i).commit()).isEqualTo(sizes[i] != sizes[i - 1]);
        }
        assertThat(steps.get(0)).isEqualTo(19);
        assertThat(ray.get(19).commit()).isNotEqualTo(ray.get(18).commit());
    }

    @Test
    void theCulpritIsTheFirstPointThatWentOverAndStayedOver() {
        double[] sizes = {100, 100, 105, 130, 130, 129, 131};
        assertThat(SizeSteps.culprit(sizes, 100, 10)).isEqualTo(3);
        assertThat(SizeSteps.culprit(new double[] {100, 130, 100, 130}, 100, 10))
                .isEqualTo(3);
        assertThat(SizeSteps.culprit(new double[] {100, 130, 105}, 100, 10)).isEqualTo(-1);
        assertThat(SizeSteps.culprit(new double[0], 100, 10)).isEqualTo(-1);
        assertThat(SizeSteps.culprit(new double[] {111}, 100, 10)).isZero();
    }

    @Test
    void edgeCases() {
        assertThat(SizeSteps.steps(new double[0])).isEmpty();
        assertThat(SizeSteps.steps(new double[] {5})).isEmpty();
        assertThat(SizeSteps.steps(new double[] {5, 5, 5})).isEmpty();
        assertThat(SizeSteps.steps(new double[] {9007199254740992d, 9007199254740991d}))
                .containsExactly(1);
    }
}
