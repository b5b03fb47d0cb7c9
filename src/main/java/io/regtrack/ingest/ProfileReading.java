package io.regtrack.ingest;

import io.regtrack.cargo.CargoProfileException;
import io.regtrack.cargo.EffectiveProfile;
import io.regtrack.cargo.ProfileInputs;
import io.regtrack.problem.ProblemException;
import io.regtrack.run.EffectiveSetting;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns an upload's profile fields into its effective profile, or a 400 naming the bad input. */
final class ProfileReading {

    private ProfileReading() {}

    /** Null when the upload says nothing about a Rust build (no profile, no rustc). */
    static EffectiveProfile.Result of(RunUpload upload) {
        RunUpload.ProfileUpload p = upload.profile();
        String rustc = upload.toolchain() == null ? null : upload.toolchain().rustc();
        if (p == null && rustc == null) {
            return null;
        }
        String target = upload.toolchain() == null ? null : upload.toolchain().target();
        ProfileInputs inputs = p == null
                ? new ProfileInputs(null, null, null, null, null, rustc, target)
                : new ProfileInputs(
                        p.name(), p.manifest(), p.workspaceManifest(), p.cargoConfig(), p.env(), rustc, target);
        try {
            return EffectiveProfile.of(inputs, p == null ? null : p.settings(), p == null ? null : p.rustcInvocation());
        } catch (CargoProfileException e) {
            throw ProblemException.invalid(e.field(), e.getMessage());
        }
    }

    static Map<String, EffectiveSetting> stored(EffectiveProfile.Result profile) {
        Map<String, EffectiveSetting> stored = new LinkedHashMap<>();
        if (profile != null) {
            profile.settings().forEach((key, e) -> stored.put(key, new EffectiveSetting(e.value(), e.source())));
        }
        return stored;
    }
}
