package io.regtrack.run;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What makes runs one build for comparison: the target triple and the profile name, either of
 * which may be absent (and then matches only runs where it is absent too).
 */
public record BuildKey(String target, String profile) {

    public static BuildKey of(Run run) {
        return new BuildKey(run.target, run.profileName);
    }

    /**
     * The JPQL condition, starting with {@code " and"}, on an entity with {@code target} and
     * {@code profileName} fields ({@code alias} empty for unqualified names); its named parameters
     * are {@link #parameters()}.
     */
    public String condition(String alias) {
        String on = alias.isEmpty() ? "" : alias + ".";
        return " and " + on + (target == null ? "target is null" : "target = :target") + " and " + on
                + (profile == null ? "profileName is null" : "profileName = :profile");
    }

    public Map<String, Object> parameters() {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (target != null) {
            parameters.put("target", target);
        }
        if (profile != null) {
            parameters.put("profile", profile);
        }
        return parameters;
    }
}
