package io.regtrack.run;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One profile setting's effective value and where it came from. */
@Schema(description = "One setting's value and its source: default, manifest, workspace, config, env, rustc or upload")
public record EffectiveSetting(String value, String source) {}
