package io.regtrack.results;

import java.util.List;
import java.util.Map;

/** A measure as an adapter found it, and where in the attachment its benchmark is (for errors found later). */
record Parsed(String place, Measure measure) {

    /** A measure with one value. */
    static Parsed value(String place, String kind, String name, String unit, double value) {
        return new Parsed(place, new Measure(kind, name, unit, value, null, Map.of()));
    }

    /** A measure from the tool's repeated values: one value alone, or samples when there are several. */
    static Parsed of(String place, String kind, String name, String unit, List<Double> values) {
        if (values.size() == 1) {
            return value(place, kind, name, unit, values.get(0));
        }
        return new Parsed(place, new Measure(kind, name, unit, null, values, Map.of()));
    }

    Parsed named(String name) {
        Measure m = measure;
        return new Parsed(place, new Measure(m.kind(), name, m.unit(), m.value(), m.samples(), m.parts()));
    }
}
