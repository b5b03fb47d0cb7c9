package io.regtrack.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompositionTest {

    @Test
    void thePartsThatChangedLargestFirstWithoutTheStrippedSize() {
        Map<String, Long> before = Map.of(
                ".text",
                200_000L,
                ".rodata",
                50_000L,
                "crate:regex-automata",
                90_000L,
                "crate:std",
                60_000L,
                "stripped",
                280_000L);
        Map<String, Long> after = Map.of(
                ".text",
                200_000L,
                ".rodata",
                52_458L,
                "crate:regex-automata",
                99_318L,
                "crate:std",
                59_000L,
                "crate:memchr",
                1_024L,
                "stripped",
                290_000L);
        List<Composition.PartChange> changes = Composition.changes(before, after);
        assertThat(changes)
                .containsExactly(
                        new Composition.PartChange("crate:regex-automata", 90_000, 99_318, 9_318),
                        new Composition.PartChange(".rodata", 50_000, 52_458, 2_458),
                        new Composition.PartChange("crate:memchr", 0, 1_024, 1_024),
                        new Composition.PartChange("crate:std", 60_000, 59_000, -1_000));
        assertThat(Composition.summary(changes))
                .isEqualTo(
                        "regex-automata +9.1 KiB (+9,318 B), .rodata +2.4 KiB (+2,458 B), memchr +1.0 KiB (+1,024 B)");
    }

    @Test
    void nothingToSayWhenASideHasNoPartsOrNothingMoved() {
        assertThat(Composition.changes(Map.of(), Map.of(".text", 1L))).isEmpty();
        assertThat(Composition.changes(Map.of(".text", 1L), Map.of(".text", 1L)))
                .isEmpty();
    }

    @Test
    void atMostTwentyParts() {
        Map<String, Long> before = new HashMap<>();
        Map<String, Long> after = new HashMap<>();
        for (int i = 0; i < 50; i++) {
            before.put("crate:c" + i, 100L);
            after.put("crate:c" + i, 100L + i);
        }
        List<Composition.PartChange> changes = Composition.changes(before, after);
        assertThat(changes).hasSize(20);
        assertThat(changes.get(0).part()).isEqualTo("crate:c49");
    }

    @Test
    void aSizeRegressionSaysWhatGrew() {
        Measured was =
                new Measured("size", "app", "bytes", 300_000, null, Map.of(".text", 200_000L, "crate:regex", 50_000L));
        Measured now =
                new Measured("size", "app", "bytes", 340_000, null, Map.of(".text", 240_000L, "crate:regex", 90_000L));
        Verdict v = Judge.judge(was, now, Thresholds.DEFAULT, List.of(), List.of());
        assertThat(v.status()).isEqualTo(VerdictStatus.REGRESSED);
        assertThat(v.why()).isEqualTo("code change: .text +39.1 KiB (+40,000 B), regex +39.1 KiB (+40,000 B)");
        assertThat(v.composition()).hasSize(2);
    }
}
