package io.regtrack.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code hyperfine --export-json}: {@code {"results": [{"command", "mean", "stddev", "median", "user", "system",
 * "min", "max", "times": [...], "exit_codes": [...], "parameters"?}]}}, all times in seconds.
 *
 * <p>One {@code runtime} measure per result, named by its command: the samples are {@code times}, one value when
 * there was one run. An export without {@code times} (hyperfine before 1.6) gives {@code mean} as the value.
 */
final class HyperfineFormat {

    private HyperfineFormat() {}

    static List<Parsed> read(Node root) {
        List<Parsed> found = new ArrayList<>();
        for (Node result : root.get("results").nonEmptyItems()) {
            String command = result.get("command").name();
            found.add(Parsed.of(result.place(), "runtime", command, "seconds", times(result)));
        }
        return found;
    }

    private static List<Double> times(Node result) {
        Optional<Node> times = result.find("times");
        if (times.isEmpty()) {
            return List.of(result.get("mean").number());
        }
        return times.get().nonEmptyItems().stream().map(Node::number).toList();
    }
}
