package io.regtrack.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A run's environment fingerprint: equal for runs built with the same effective profile values and
 * toolchain, whatever order they were given in. The MD5 of {@code setting=value} lines sorted by
 * name (the profile), a {@code --} line, then the toolchain's lines; migration V7 computes the same
 * text in SQL, so stored and new runs agree.
 */
public final class EnvironmentHash {

    private EnvironmentHash() {}

    public static String of(Map<String, EffectiveSetting> profile, Map<String, String> toolchain) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(profile).forEach((setting, e) -> line(text, setting, e == null ? null : e.value()));
        text.append("--\n");
        new TreeMap<>(toolchain).forEach((key, value) -> line(text, key, value));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("MD5")
                            .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    private static void line(StringBuilder text, String key, String value) {
        text.append(key).append('=').append(value == null ? "" : value).append('\n');
    }
}
