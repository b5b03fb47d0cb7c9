package io.regtrack.cargo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resolves the settings Cargo really uses for a profile, following the Cargo reference
 * ("Profiles", "Configuration"): built-in defaults; custom profiles through their
 * {@code inherits} chain; for each profile in the chain the manifest's table, overridden by
 * config files (nearest directory last to win), overridden by {@code CARGO_PROFILE_<NAME>_<KEY>};
 * then {@code [profile.<name>.package.<binary's package>]} over all of those; profiles are read
 * only from the workspace root manifest; {@code [build] incremental} and {@code CARGO_INCREMENTAL}
 * override every profile; codegen units default to 256 for incremental builds and 16 otherwise;
 * and when {@code debug} is off and {@code strip} is not set, debuginfo is stripped (Cargo 1.77
 * and later).
 */
public final class ProfileResolver {

    private static final List<String> NOT_PER_PACKAGE = List.of("panic", "lto", "rpath");

    private ProfileResolver() {}

    private record Layer(String source, JsonNode profiles, String field, JsonNode build) {}

    public static Resolution resolve(ProfileInputs in) {
        List<String> warnings = new ArrayList<>();
        JsonNode manifest = Toml.parse(in.manifest(), "profile.manifest");
        JsonNode workspace = Toml.parse(in.workspaceManifest(), "profile.workspaceManifest");
        List<Layer> files = new ArrayList<>();
        if (!workspace.isMissingNode()) {
            files.add(new Layer(
                    "workspace", workspace.path("profile"), "profile.workspaceManifest", workspace.path("build")));
            if (manifest.has("profile")) {
                warnings.add("the package manifest's [profile] tables are ignored: Cargo reads profiles only from "
                        + "the workspace root manifest");
            }
        } else {
            files.add(new Layer("manifest", manifest.path("profile"), "profile.manifest", manifest.path("build")));
        }
        for (int i = in.configs().size() - 1; i >= 0; i--) {
            JsonNode config = Toml.parse(in.configs().get(i), "profile.cargoConfig[" + i + "]");
            files.add(new Layer(
                    "config", config.path("profile"), "profile.cargoConfig[" + i + "]", config.path("build")));
        }
        String pkg = manifest.path("package").path("name").asText(null);

        List<String> chain = chain(in.profile(), files, in.env());
        Map<String, Effective> settings = new LinkedHashMap<>();
        Settings.BUILT_IN.get(chain.get(0)).forEach((k, v) -> settings.put(k, new Effective(v, "default")));
        for (String profile : chain) {
            for (Layer layer : files) {
                apply(settings, layer.profiles().path(profile), layer.source(), layer.field(), "profile." + profile);
            }
            String prefix = "CARGO_PROFILE_" + profile.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
            for (String key : Settings.KEYS) {
                String value =
                        in.env().get(prefix + key.toUpperCase(Locale.ROOT).replace('-', '_'));
                if (value != null) {
                    settings.put(key, new Effective(Settings.normalise(key, value, "profile.env"), "env"));
                }
            }
        }
        if (pkg != null) {
            for (String profile : chain) {
                for (Layer layer : files) {
                    JsonNode override =
                            layer.profiles().path(profile).path("package").path(pkg);
                    for (String key : NOT_PER_PACKAGE) {
                        if (override.has(key)) {
                            throw new CargoProfileException(
                                    layer.field(),
                                    "`" + key + "` may not be set in [profile." + profile + ".package." + pkg + "]");
                        }
                    }
                    apply(settings, override, layer.source(), layer.field(), "profile." + profile + ".package." + pkg);
                }
            }
        }
        // [build] incremental in config (nearest wins) and CARGO_INCREMENTAL override every profile.
        for (Layer layer : files) {
            JsonNode buildIncremental = layer.source().equals("config")
                    ? layer.build().path("incremental")
                    : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            if (buildIncremental.isBoolean()) {
                settings.put("incremental", new Effective(Boolean.toString(buildIncremental.booleanValue()), "config"));
            }
        }
        String incremental = in.env().get("CARGO_INCREMENTAL");
        if (incremental == null) {
            incremental = in.env().get("CARGO_BUILD_INCREMENTAL");
        }
        if (incremental != null) {
            String on =
                    incremental.trim().equals("1") || incremental.trim().equalsIgnoreCase("true") ? "true" : "false";
            settings.put("incremental", new Effective(on, "env"));
        }
        implied(settings, in);
        Map<String, Effective> ordered = new LinkedHashMap<>();
        Settings.KEYS.forEach(key -> ordered.put(key, settings.get(key)));
        return new Resolution(in.profile(), ordered, warnings);
    }

    /** The profile and its ancestors, root first: e.g. [release, dist, dist-small]. */
    static List<String> chain(String profile, List<Layer> files, Map<String, String> env) {
        List<String> chain = new ArrayList<>();
        String current = profile;
        while (true) {
            if (chain.contains(current)) {
                throw new CargoProfileException(
                        "profile.name", "profile inheritance loops: " + String.join(" → ", chain) + " → " + current);
            }
            chain.add(0, current);
            if (current.equals("dev") || current.equals("release")) {
                return chain;
            }
            String parent = inheritsOf(current, files, env);
            if (parent == null) {
                parent = Settings.BUILT_IN_PARENT.get(current);
            }
            if (parent == null) {
                String name = current;
                boolean defined = files.stream().anyMatch(f -> f.profiles().has(name));
                throw new CargoProfileException(
                        "profile.name",
                        defined
                                ? "profile '" + current + "' must say which profile it `inherits`"
                                : "no profile '" + current
                                        + "' in the manifest or config (built-in: dev, release, test, bench)");
            }
            current = parent;
        }
    }

    private static String inheritsOf(String profile, List<Layer> files, Map<String, String> env) {
        String inherits = null;
        for (Layer layer : files) {
            JsonNode value = layer.profiles().path(profile).path("inherits");
            if (value.isTextual()) {
                inherits = value.asText();
            }
        }
        String fromEnv =
                env.get("CARGO_PROFILE_" + profile.toUpperCase(Locale.ROOT).replace('-', '_') + "_INHERITS");
        return fromEnv != null ? fromEnv : inherits;
    }

    private static void apply(
            Map<String, Effective> settings, JsonNode table, String source, String field, String tableName) {
        if (!table.isObject()) {
            return;
        }
        for (String key : Settings.KEYS) {
            JsonNode value = table.get(key);
            if (value != null && value.isValueNode()) {
                try {
                    settings.put(key, new Effective(Settings.normalise(key, Toml.scalar(value), field), source));
                } catch (CargoProfileException e) {
                    throw new CargoProfileException(field, "[" + tableName + "] " + e.getMessage());
                }
            } else if (value != null) {
                throw new CargoProfileException(field, "[" + tableName + "] " + key + " must be a single value");
            }
        }
    }

    /** Defaults that depend on other settings and on the toolchain. */
    private static void implied(Map<String, Effective> settings, ProfileInputs in) {
        if (settings.get("codegen-units").source().equals("default")) {
            // Cargo's default: 256 units for incremental builds, 16 otherwise
            boolean incremental = settings.get("incremental").value().equals("true");
            settings.put("codegen-units", new Effective(incremental ? "256" : "16", "default"));
        }
        boolean noDebug = settings.get("debug").value().equals("none");
        if (settings.get("strip").source().equals("default")
                && noDebug
                && stripsDebuginfoByDefault(in.rustcVersion())) {
            settings.put("strip", new Effective("debuginfo", "default"));
        }
        if (!settings.containsKey("split-debuginfo")) {
            boolean apple = in.target() != null && in.target().contains("apple");
            settings.put("split-debuginfo", new Effective(apple && !noDebug ? "unpacked" : "off", "default"));
        }
    }

    /** Cargo strips debuginfo when debug is off since 1.77; for an unknown toolchain, assume a current one. */
    static boolean stripsDebuginfoByDefault(String rustcVersion) {
        if (rustcVersion == null) {
            return true;
        }
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d+)\\.(\\d+)").matcher(rustcVersion);
        if (!m.find()) {
            return true;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major > 1 || minor >= 77;
    }
}
