package io.regtrack.verdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a binary is made of, compared with its baseline: the parts (sections such as {@code .text},
 * crates as {@code crate:regex}) whose size changed, the largest change first. The stripped size
 * is another measure of the whole binary, not a part, and is left out.
 */
public final class Composition {

    /** The part that is the stripped size of the whole binary, not a piece of it. */
    public static final String STRIPPED = "stripped";
    /** How a crate's part is named: {@code crate:regex}. */
    public static final String CRATE = "crate:";

    /** Parts listed per verdict at most. */
    static final int MAX_PARTS = 20;
    /** Parts named in the one-line summary. */
    static final int SUMMARY_PARTS = 3;

    /** One part whose size changed, in bytes. */
    public record PartChange(String part, long baseline, long current, long delta) {}

    private Composition() {}

    public static List<PartChange> changes(Map<String, Long> before, Map<String, Long> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return List.of(); // one side does not say what it is made of
        }
        TreeSet<String> parts = new TreeSet<>(before.keySet());
        parts.addAll(after.keySet());
        parts.remove(STRIPPED);
        List<PartChange> changes = new ArrayList<>();
        for (String part : parts) {
            long was = before.getOrDefault(part, 0L);
            long now = after.getOrDefault(part, 0L);
            if (was != now) {
                changes.add(new PartChange(part, was, now, now - was));
            }
        }
        return changes.stream()
                .sorted(Comparator.comparingLong((PartChange c) -> -Math.abs(c.delta()))
                        .thenComparing(PartChange::part))
                .limit(MAX_PARTS)
                .toList();
    }

    /** The largest changes in words: {@code regex-automata +9.1 KiB, .rodata +2.4 KiB}. */
    public static String summary(List<PartChange> changes) {
        return changes.stream()
                .limit(SUMMARY_PARTS)
                .map(c -> shownName(c.part()) + " " + Units.signed(c.delta(), "bytes"))
                .collect(Collectors.joining(", "));
    }

    private static String shownName(String part) {
        return part.startsWith(CRATE) ? part.substring(CRATE.length()) : part;
    }
}
