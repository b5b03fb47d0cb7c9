package io.regtrack.results;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code cargo bloat --message-format json}: {@code {"file-size", "text-section-size", "functions": [{"crate"?, "name",
 * "size"}]}}, or with {@code --crates}: {@code {"file-size", "text-section-size", "crates": [{"name", "size"}]}}.
 *
 * <p>One {@code size} measure in bytes, valued at {@code file-size} and named by the attachment's name (which is
 * required: the output does not name the binary). Its parts are {@code .text} (the text section) and {@code
 * crate:<name>} per crate; from a functions listing, the sizes of the listed functions summed per crate ({@code
 * crate:?} for functions without one). At most {@value #MAX_PARTS} parts: {@code .text} and the largest crates.
 */
final class CargoBloatFormat {

    static final int MAX_PARTS = 1000;

    private CargoBloatFormat() {}

    static List<Parsed> read(Node root, String name) {
        if (name == null || name.isBlank()) {
            throw new ResultException("", "cargo-bloat output does not name the binary: give the attachment a name");
        }
        double fileSize = root.get("file-size").number();
        double textSize = root.get("text-section-size").number();
        Map<String, Double> crates = crates(root);
        Map<String, Double> parts = new LinkedHashMap<>();
        parts.put(".text", textSize);
        crates.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_PARTS - 1)
                .forEach(c -> parts.put("crate:" + c.getKey(), c.getValue()));
        Measure size = new Measure("size", name.strip(), "bytes", fileSize, null, parts);
        return List.of(new Parsed("", size));
    }

    /** Bytes per crate, from the crates listing or summed over the functions listing. */
    private static Map<String, Double> crates(Node root) {
        Optional<Node> crates = root.find("crates");
        Optional<Node> functions = root.find("functions");
        if (crates.isPresent() == functions.isPresent()) {
            throw root.fail("expected either \"crates\" (--crates) or \"functions\"");
        }
        Map<String, Double> sizes = new TreeMap<>();
        if (crates.isPresent()) {
            for (Node c : crates.get().items()) {
                sizes.merge(crate(c.get("name")), c.get("size").number(), Double::sum);
            }
        } else {
            for (Node f : functions.get().items()) {
                String crate = f.find("crate").map(CargoBloatFormat::crate).orElse("?");
                sizes.merge(crate, f.get("size").number(), Double::sum);
            }
        }
        return sizes;
    }

    private static String crate(Node name) {
        String crate = name.name();
        if (crate.length() > Names.MAX_NAME) {
            throw name.fail("a crate name must be at most " + Names.MAX_NAME + " characters");
        }
        return crate;
    }
}
