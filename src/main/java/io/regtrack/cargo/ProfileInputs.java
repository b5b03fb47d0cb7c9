package io.regtrack.cargo;

import java.util.List;
import java.util.Map;

/**
 * What Cargo reads to decide a profile's settings: the binary package's manifest, the workspace
 * root manifest (when different), the {@code .cargo/config.toml} texts (nearest directory first),
 * the environment, the profile name, and the toolchain (rustc version, target triple). Every
 * field may be null.
 */
public record ProfileInputs(
        String profile,
        String manifest,
        String workspaceManifest,
        List<String> configs,
        Map<String, String> env,
        String rustcVersion,
        String target) {

    public ProfileInputs {
        profile = profile == null ? "release" : profile;
        configs = configs == null ? List.of() : configs;
        env = env == null ? Map.of() : env;
    }
}
