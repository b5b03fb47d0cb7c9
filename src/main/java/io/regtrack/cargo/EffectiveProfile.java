package io.regtrack.cargo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The profile of one run as regtrack records it: Cargo's resolution of the inputs, then the
 * settings the upload gives explicitly ({@code upload}), then the flags observed in the rustc
 * command line, which win because they are what the build really used (source {@code rustc} where
 * they differ; a confirmed setting keeps the source that explains it). Each disagreement becomes a
 * warning.
 */
public final class EffectiveProfile {

    private EffectiveProfile() {}

    public record Result(Map<String, Effective> settings, List<String> warnings) {}

    /**
     * @param explicit   settings given in the upload (tracked ones are checked, others kept as given)
     * @param invocation the binary's rustc command line from {@code cargo build -v}, or null
     */
    public static Result of(ProfileInputs inputs, Map<String, Object> explicit, String invocation) {
        boolean fromFiles = inputs.manifest() != null
                || inputs.workspaceManifest() != null
                || !inputs.configs().isEmpty()
                || inputs.env().keySet().stream().anyMatch(k -> k.startsWith("CARGO_PROFILE_"));
        Map<String, Effective> settings = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        if (fromFiles
                || Settings.BUILT_IN.containsKey(inputs.profile())
                || Settings.BUILT_IN_PARENT.containsKey(inputs.profile())) {
            Resolution resolved = ProfileResolver.resolve(inputs);
            settings.putAll(resolved.settings());
            warnings.addAll(resolved.warnings());
        } else {
            warnings.add("profile '" + inputs.profile() + "' is not built into Cargo and no manifest was given: "
                    + "only the settings stated or observed are known");
        }
        if (explicit != null) {
            explicit.forEach((key, raw) -> {
                if (!Settings.KEYS.contains(key)) {
                    settings.put(key, new Effective(String.valueOf(raw), "upload"));
                    return;
                }
                String value = Settings.normalise(key, raw, "profile.settings." + key);
                Effective resolvedValue = settings.get(key);
                if (fromFiles && resolvedValue != null && !resolvedValue.value().equals(value)) {
                    warnings.add("profile.settings gives " + key + " = " + value + " but Cargo's rules give "
                            + resolvedValue.value() + " (" + resolvedValue.source() + ")");
                }
                settings.put(key, new Effective(value, "upload"));
            });
        }
        String rustflags = inputs.env().get("RUSTFLAGS");
        if (rustflags != null && !rustflags.isBlank()) {
            settings.put("rustflags", new Effective(rustflags.trim(), "env"));
        }
        if (invocation != null && !invocation.isBlank()) {
            RustcInvocation.Observed observed = RustcInvocation.parse(invocation);
            observed.settings().forEach((key, value) -> {
                Effective before = settings.get(key);
                if (before != null && before.value().equals(value)) {
                    return; // confirmed: keep the source that explains it
                }
                if (before != null) {
                    warnings.add("rustc was given " + key + " = " + value + " but the " + before.source() + " says "
                            + before.value() + "; the observed flag wins");
                }
                settings.put(key, new Effective(value, "rustc"));
            });
            if (!observed.otherFlags().isEmpty()) {
                settings.put("rustflags", new Effective(String.join(" ", observed.otherFlags()), "rustc"));
            }
        }
        return new Result(settings, warnings);
    }
}
