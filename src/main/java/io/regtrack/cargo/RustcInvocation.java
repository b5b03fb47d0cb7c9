package io.regtrack.cargo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile settings Cargo really passed to rustc, read from the binary's final command line
 * as {@code cargo build -v} prints it ({@code Running `rustc --crate-name app … -C opt-level=3 …`}).
 * A setting Cargo leaves out takes rustc's own default, which is what the build used.
 */
public final class RustcInvocation {

    private RustcInvocation() {}

    /** What one rustc command line says, and the codegen flags that are not profile settings (RUSTFLAGS). */
    public record Observed(Map<String, String> settings, List<String> otherFlags) {}

    /** The last rustc command in the text that builds a binary (or the last one at all). */
    public static Observed parse(String text) {
        String line = null;
        for (String candidate : text.split("\\R")) {
            if (candidate.contains("rustc ") && candidate.contains("--crate-name")) {
                if (line == null || candidate.contains("--crate-type bin") || !line.contains("--crate-type bin")) {
                    line = candidate;
                }
            }
        }
        if (line == null) {
            throw new CargoProfileException("profile.rustcInvocation", "holds no rustc command line with --crate-name");
        }
        List<String> words = words(line.replaceAll("^.*?Running `", "").replaceAll("`\\s*$", ""));
        Map<String, String> codegen = new LinkedHashMap<>();
        List<String> other = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            String flag = null;
            if (word.equals("-C") && i + 1 < words.size()) {
                flag = words.get(++i);
            } else if (word.startsWith("-C") && word.length() > 2) {
                flag = word.substring(2);
            } else if (word.startsWith("--codegen=")) {
                flag = word.substring("--codegen=".length());
            }
            if (flag != null) {
                int eq = flag.indexOf('=');
                codegen.put(eq < 0 ? flag : flag.substring(0, eq), eq < 0 ? "" : flag.substring(eq + 1));
            }
        }
        Map<String, String> settings = new LinkedHashMap<>();
        String opt = codegen.getOrDefault("opt-level", "0");
        settings.put("opt-level", opt);
        settings.put(
                "debug",
                switch (codegen.getOrDefault("debuginfo", "0")) {
                    case "0", "none" -> "none";
                    case "1", "limited" -> "limited";
                    case "2", "full" -> "full";
                    default -> codegen.get("debuginfo");
                });
        settings.put("strip", codegen.getOrDefault("strip", "none"));
        boolean assertions = onOff(codegen.get("debug-assertions"), opt.equals("0"));
        settings.put("debug-assertions", Boolean.toString(assertions));
        settings.put("overflow-checks", Boolean.toString(onOff(codegen.get("overflow-checks"), assertions)));
        String lto = codegen.get("lto");
        settings.put(
                "lto", lto == null ? "false" : lto.isEmpty() || lto.equals("yes") || lto.equals("on") ? "fat" : lto);
        settings.put("panic", codegen.getOrDefault("panic", "unwind"));
        boolean incremental = codegen.containsKey("incremental");
        settings.put("incremental", Boolean.toString(incremental));
        // rustc's own default when Cargo passes none: 256 units for incremental builds, else 16
        settings.put("codegen-units", codegen.getOrDefault("codegen-units", incremental ? "256" : "16"));
        settings.put("rpath", Boolean.toString(codegen.containsKey("rpath")));
        if (codegen.containsKey("split-debuginfo")) {
            settings.put("split-debuginfo", codegen.get("split-debuginfo"));
        }
        for (Map.Entry<String, String> flag : codegen.entrySet()) {
            if (!List.of(
                            "opt-level",
                            "debuginfo",
                            "strip",
                            "debug-assertions",
                            "overflow-checks",
                            "lto",
                            "panic",
                            "incremental",
                            "codegen-units",
                            "rpath",
                            "split-debuginfo",
                            "metadata",
                            "extra-filename",
                            "embed-bitcode",
                            "linker-plugin-lto")
                    .contains(flag.getKey())) {
                other.add("-C " + flag.getKey() + (flag.getValue().isEmpty() ? "" : "=" + flag.getValue()));
            }
        }
        return new Observed(settings, other);
    }

    private static boolean onOff(String value, boolean otherwise) {
        if (value == null) {
            return otherwise;
        }
        return value.isEmpty()
                || value.equals("on")
                || value.equals("yes")
                || value.equals("y")
                || value.equals("true");
    }

    /** Splits a shell-quoted command line into words. */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
