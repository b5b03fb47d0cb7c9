package io.regtrack.results;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every format shares once its adapter has read it: naming with the attachment's name, the limits of a name
 * and a kind, and one measure per (kind, name).
 */
final class Names {

    static final int MAX_NAME = 200;
    static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private Names() {}

    /**
     * Names the measures found: without an attachment name they keep the tool's names; with one, a single benchmark
     * takes it as its name, and several are named {@code attachment/toolName}.
     */
    static List<Measure> apply(String attachment, List<Parsed> found) {
        if (found.isEmpty()) {
            throw new ResultException("", "no benchmarks found");
        }
        List<Parsed> named = found;
        if (attachment != null && !attachment.isBlank()) {
            String prefix = attachment.strip();
            long benchmarks =
                    found.stream().map(p -> p.measure().name()).distinct().count();
            named = found.stream()
                    .map(p -> p.named(joined(prefix, benchmarks, p)))
                    .toList();
        }
        Set<String> seen = new HashSet<>();
        List<Measure> measures = new ArrayList<>(named.size());
        for (Parsed p : named) {
            Measure m = p.measure();
            if (m.name().isBlank() || m.name().length() > MAX_NAME) {
                throw new ResultException(
                        p.place(),
                        "a name must be 1 to " + MAX_NAME + " characters: " + ResultException.echo(m.name()));
            }
            if (!KIND.matcher(m.kind()).matches()) {
                throw new ResultException(
                        p.place(), "a kind must match " + KIND.pattern() + ": " + ResultException.echo(m.kind()));
            }
            if (!seen.add(m.kind() + "\n" + m.name())) {
                throw new ResultException(
                        p.place(), "duplicate " + m.kind() + " measure for " + ResultException.echo(m.name()));
            }
            measures.add(m);
        }
        return List.copyOf(measures);
    }

    private static String joined(String prefix, long benchmarks, Parsed p) {
        return benchmarks == 1 ? prefix : prefix + "/" + p.measure().name();
    }
}
