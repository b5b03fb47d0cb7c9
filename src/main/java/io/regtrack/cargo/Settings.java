package io.regtrack.cargo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The profile settings regtrack tracks, and their values written one way: {@code lto = true} is
 * {@code fat}, {@code strip = true} is {@code symbols}, {@code debug = 2} is {@code full}.
 */
public final class Settings {

    public static final List<String> KEYS = List.of(
            "opt-level",
            "debug",
            "split-debuginfo",
            "strip",
            "debug-assertions",
            "overflow-checks",
            "lto",
            "panic",
            "incremental",
            "codegen-units",
            "rpath");

    private Settings() {}

    /** Cargo's built-in profiles (the Cargo reference, "Profiles"). test and bench inherit. */
    static final Map<String, Map<String, String>> BUILT_IN = Map.of(
            "dev",
                    Map.ofEntries(
                            Map.entry("opt-level", "0"),
                            Map.entry("debug", "full"),
                            Map.entry("strip", "none"),
                            Map.entry("debug-assertions", "true"),
                            Map.entry("overflow-checks", "true"),
                            Map.entry("lto", "false"),
                            Map.entry("panic", "unwind"),
                            Map.entry("incremental", "true"),
                            Map.entry("codegen-units", "256"),
                            Map.entry("rpath", "false")),
            "release",
                    Map.ofEntries(
                            Map.entry("opt-level", "3"),
                            Map.entry("debug", "none"),
                            Map.entry("strip", "none"),
                            Map.entry("debug-assertions", "false"),
                            Map.entry("overflow-checks", "false"),
                            Map.entry("lto", "false"),
                            Map.entry("panic", "unwind"),
                            Map.entry("incremental", "false"),
                            Map.entry("codegen-units", "16"),
                            Map.entry("rpath", "false")));

    static final Map<String, String> BUILT_IN_PARENT = Map.of("test", "dev", "bench", "release");

    /**
     * A value as Cargo reads it (a TOML scalar, or an environment string), normalised; throws for a
     * value Cargo would refuse.
     */
    static String normalise(String key, Object raw, String where) {
        String text = String.valueOf(raw).trim();
        String lower = text.toLowerCase(Locale.ROOT);
        boolean isBool = raw instanceof Boolean || lower.equals("true") || lower.equals("false");
        switch (key) {
            case "opt-level" -> {
                if (List.of("0", "1", "2", "3", "s", "z").contains(lower)) {
                    return lower;
                }
                throw invalid(where, key, raw, "0, 1, 2, 3, \"s\" or \"z\"");
            }
            case "debug" -> {
                return switch (lower) {
                    case "true", "2", "full" -> "full";
                    case "false", "0", "none" -> "none";
                    case "1", "limited" -> "limited";
                    case "line-tables-only" -> "line-tables-only";
                    case "line-directives-only" -> "line-directives-only";
                    default ->
                        throw invalid(
                                where,
                                key,
                                raw,
                                "true, false, 0, 1, 2, \"none\", \"limited\", \"full\", \"line-tables-only\" or \"line-directives-only\"");
                };
            }
            case "split-debuginfo" -> {
                if (List.of("off", "packed", "unpacked").contains(lower)) {
                    return lower;
                }
                throw invalid(where, key, raw, "\"off\", \"packed\" or \"unpacked\"");
            }
            case "strip" -> {
                return switch (lower) {
                    case "true", "symbols" -> "symbols";
                    case "false", "none" -> "none";
                    case "debuginfo" -> "debuginfo";
                    default -> throw invalid(where, key, raw, "true, false, \"none\", \"debuginfo\" or \"symbols\"");
                };
            }
            case "lto" -> {
                return switch (lower) {
                    case "true", "fat" -> "fat";
                    case "false" -> "false";
                    case "thin" -> "thin";
                    case "off" -> "off";
                    default -> throw invalid(where, key, raw, "true, false, \"fat\", \"thin\" or \"off\"");
                };
            }
            case "panic" -> {
                if (lower.equals("unwind") || lower.equals("abort")) {
                    return lower;
                }
                throw invalid(where, key, raw, "\"unwind\" or \"abort\"");
            }
            case "codegen-units" -> {
                try {
                    long units = Long.parseLong(text);
                    if (units >= 1 && units <= Integer.MAX_VALUE && !(raw instanceof Boolean)) {
                        return Long.toString(units);
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
                throw invalid(where, key, raw, "a whole number of at least 1");
            }
            case "debug-assertions", "overflow-checks", "incremental", "rpath" -> {
                if (isBool) {
                    return lower;
                }
                throw invalid(where, key, raw, "true or false");
            }
            default -> throw new IllegalArgumentException("not a tracked setting: " + key);
        }
    }

    private static CargoProfileException invalid(String where, String key, Object raw, String expected) {
        String shown = raw instanceof String ? "\"" + raw + "\"" : String.valueOf(raw);
        return new CargoProfileException(where, key + " = " + shown + " is not valid: Cargo takes " + expected);
    }
}
