package io.regtrack.cargo;

import java.util.List;
import java.util.Map;

/** A profile's effective settings, each with its source, and what Cargo would have warned about. */
public record Resolution(String profile, Map<String, Effective> settings, List<String> warnings) {

    /** The values alone, setting by setting. */
    public Map<String, String> values() {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        settings.forEach((key, effective) -> values.put(key, effective.value()));
        return values;
    }
}
