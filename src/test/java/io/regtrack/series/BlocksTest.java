package io.regtrack.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlocksTest {

    /** {@code n} points from {@code start}, an hour apart; the value steps and the build changes at {@code step}. */
    private static List<Blocks.Raw> points(int start, int n, int step) {
        List<Blocks.Raw> points = new ArrayList<>();
        for (int i = start; i < start + n; i++) {
            points.add(new Blocks.Raw(
                    i,
                    1000 + i,
                    i * 3_600_000_000L,
                    (i < step ? 100 : 130) + (i % 7) * 0.1,
                    i < step ? "a" : "b",
                    "bytes"));
        }
        return points;
    }

    @Test
    void aBlockKeepsItsEndsExtremesAndBuildChanges() {
        Blocks.Block block = Blocks.seal(0, points(0, Blocks.SIZE, 500));
        assertThat(block.runIds()).hasSizeLessThanOrEqualTo(Blocks.KEPT + 2);
        assertThat(block.runIds()[0]).isEqualTo(1000);
        assertThat(block.runIds()[block.runIds().length - 1]).isEqualTo(1000 + Blocks.SIZE - 1);
        assertThat(block.values()).contains(100.0, 130.6);
        assertThat(block.changes()).containsExactly(1499, 1500);
        assertThat(block.firstHash()).isEqualTo("a");
        assertThat(block.lastHash()).isEqualTo("b");
        assertThatThrownBy(() -> Blocks.seal(1, points(0, 10, 5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aReadJoinsBlocksAndStoredPointsAndFindsChangesBetweenThem() {
        // Build changes exactly where the second block starts: seen between blocks, not inside one.
        List<Blocks.Raw> all = points(0, 3 * Blocks.SIZE + 100, Blocks.SIZE);
        List<Blocks.Piece> pieces = List.of(
                new Blocks.Summary(Blocks.seal(0, all.subList(0, Blocks.SIZE))),
                new Blocks.Summary(Blocks.seal(1, all.subList(Blocks.SIZE, 2 * Blocks.SIZE))),
                new Blocks.Summary(Blocks.seal(2, all.subList(2 * Blocks.SIZE, 3 * Blocks.SIZE))),
                new Blocks.Stored(all.subList(3 * Blocks.SIZE, all.size())));
        Blocks.Read read = Blocks.join(pieces, 100, 10);
        assertThat(read.total()).isEqualTo(all.size());
        assertThat(read.unit()).isEqualTo("bytes");
        assertThat(read.kept()).hasSizeLessThanOrEqualTo(102);
        assertThat(read.kept().get(0).runId()).isEqualTo(1000);
        assertThat(read.kept().get(read.kept().size() - 1).runId()).isEqualTo(1000 + all.size() - 1);
        assertThat(read.kept()).extracting(Blocks.Kept::value).contains(100.0, 130.6);
        assertThat(read.steps()).containsExactly(new Blocks.Step(1000 + Blocks.SIZE - 1, 1000 + Blocks.SIZE));
    }

    @Test
    void sixteenBlocksMakeOneOfLevelOneWithTheirChangesAndThoseBetweenThem() {
        List<Blocks.Raw> all = points(0, Blocks.FAN * Blocks.SIZE, 5 * Blocks.SIZE);
        List<Blocks.Block> small = new ArrayList<>();
        for (int n = 0; n < Blocks.FAN; n++) {
            small.add(Blocks.seal(n, all.subList(n * Blocks.SIZE, (n + 1) * Blocks.SIZE)));
        }
        Blocks.Block big = Blocks.merge(0, small);
        assertThat(big.level()).isEqualTo(1);
        assertThat(big.points()).isEqualTo(Blocks.FAN * Blocks.SIZE);
        assertThat(big.runIds()).hasSizeLessThanOrEqualTo(Blocks.KEPT + 2);
        assertThat(big.runIds()[0]).isEqualTo(1000);
        assertThat(big.runIds()[big.runIds().length - 1]).isEqualTo(1000 + Blocks.FAN * Blocks.SIZE - 1);
        assertThat(big.values()).contains(100.0, 130.6);
        // The build changed where the sixth block starts: between blocks, kept by the merge.
        assertThat(big.changes()).containsExactly(1000 + 5 * Blocks.SIZE - 1, 1000 + 5 * Blocks.SIZE);
        assertThatThrownBy(() -> Blocks.merge(1, small.subList(0, 3))).isInstanceOf(IllegalArgumentException.class);
    }
}
