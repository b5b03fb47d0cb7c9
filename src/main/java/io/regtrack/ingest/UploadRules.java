package io.regtrack.ingest;

import io.regtrack.git.RefName;
import io.regtrack.ingest.RunUpload.MeasurementUpload;
import io.regtrack.problem.Violation;
import io.regtrack.verdict.Kinds;
import io.regtrack.verdict.SeriesKey;
import io.regtrack.web.QueryCheck;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of an upload that annotations cannot say: ref names git would accept, values that are
 * finite and not negative, sizes that are whole bytes, one value or samples, each measurement once.
 */
final class UploadRules {

    /** Sizes are exact up to here: every whole number below 2^53 is a double. */
    static final double MAX_EXACT = 9_007_199_254_740_992d;

    private UploadRules() {}

    private static final java.util.regex.Pattern KIND = java.util.regex.Pattern.compile(QueryCheck.KIND);

    /** The most measurements one run may hold, given and parsed together. */
    static final int MAX_MEASUREMENTS = 5_000;

    static List<Violation> check(RunUpload upload, List<UploadMeasurements.Sourced> measurements) {
        List<Violation> found = new ArrayList<>();
        if (upload.branch() != null && !RefName.isValid(upload.branch())) {
            found.add(new Violation("branch", RefName.RULE));
        }
        if (upload.tag() != null && !RefName.isValid(upload.tag())) {
            found.add(new Violation("tag", RefName.RULE));
        }
        if (upload.committedAt() != null
                && (upload.committedAt().getYear() < 1970
                        || upload.committedAt().getYear() > 9999)) {
            found.add(new Violation("committedAt", "must be between the years 1970 and 9999"));
        }
        if (upload.profile() != null && upload.profile().settings() != null) {
            upload.profile().settings().forEach((key, value) -> {
                if (!(value instanceof String || value instanceof Boolean || finiteNumber(value))) {
                    found.add(new Violation("profile.settings." + key, "must be a string, number or boolean"));
                }
            });
        }
        if (measurements.isEmpty()) {
            found.add(new Violation("measurements", "give at least one measurement, in 'measurements' or 'results'"));
        } else if (measurements.size() > MAX_MEASUREMENTS) {
            found.add(new Violation(
                    "results",
                    String.format(
                            java.util.Locale.ROOT,
                            "a run holds at most %,d measurements; these give %,d in all",
                            MAX_MEASUREMENTS,
                            measurements.size())));
        }
        Set<SeriesKey> seen = new HashSet<>();
        for (UploadMeasurements.Sourced s : measurements) {
            if (s.measurement() != null) {
                checkMeasurement(s.at(), s.measurement(), seen, found);
            }
        }
        return found;
    }

    private static void checkMeasurement(String at, MeasurementUpload m, Set<SeriesKey> seen, List<Violation> found) {
        // What the body's annotations check for given measurements, checked again for parsed ones.
        if (m.kind() == null || !KIND.matcher(m.kind()).matches()) {
            found.add(new Violation(at + ".kind", "must be 'size', 'runtime' or a lower-case custom kind"));
        }
        if (m.name() == null || m.name().isBlank() || m.name().length() > 200) {
            found.add(new Violation(at + ".name", "must be 1 to 200 characters, not blank"));
        }
        if (m.unit() != null && (m.unit().isEmpty() || m.unit().length() > 32)) {
            found.add(new Violation(at + ".unit", "must be 1 to 32 characters"));
        }
        if (m.samples() != null && (m.samples().isEmpty() || m.samples().size() > 10_000)) {
            found.add(new Violation(at + ".samples", "must hold 1 to 10,000 samples"));
        }
        if (m.parts() != null && m.parts().size() > 1_000) {
            found.add(new Violation(at + ".parts", "must hold at most 1,000 parts"));
        }
        if (m.name() != null && m.name().chars().anyMatch(Character::isISOControl)) {
            found.add(new Violation(at + ".name", "must not contain control characters"));
        }
        if (m.kind() != null && m.name() != null && !seen.add(new SeriesKey(m.kind(), m.name()))) {
            found.add(new Violation(at, "the " + m.kind() + " '" + m.name() + "' appears more than once"));
        }
        if ((m.value() == null) == (m.samples() == null)) {
            found.add(new Violation(at, "give either 'value' or 'samples', not both or neither"));
        }
        if (m.value() != null) {
            checkNumber(at + ".value", m.value(), found);
        }
        if (m.samples() != null) {
            for (int j = 0; j < m.samples().size(); j++) {
                if (m.samples().get(j) != null) {
                    checkNumber(at + ".samples[" + j + "]", m.samples().get(j), found);
                }
            }
        }
        if (m.parts() != null) {
            m.parts().forEach((part, bytes) -> {
                if (bytes != null && !wholeBytes(bytes)) {
                    found.add(new Violation(at + ".parts." + part, "must be a whole number of bytes"));
                }
            });
        }
        if (m.kind() != null && m.unit() == null && unitOf(m).isEmpty()) {
            found.add(new Violation(at + ".unit", "a custom kind needs its unit"));
        }
        if ("size".equals(m.kind())) {
            if (m.samples() != null) {
                found.add(new Violation(at + ".samples", "a size is exact: give one 'value' in bytes"));
            }
            if (m.value() != null && !wholeBytes(m.value())) {
                found.add(new Violation(at + ".value", "a size must be a whole number of bytes"));
            }
            if (m.unit() != null && !m.unit().equals("bytes")) {
                found.add(new Violation(at + ".unit", "sizes are counted in 'bytes'"));
            }
        }
    }

    private static void checkNumber(String at, double value, List<Violation> found) {
        if (!Double.isFinite(value)) {
            found.add(new Violation(at, "must be a finite number"));
        } else if (value < 0) {
            found.add(new Violation(at, "must not be negative"));
        }
    }

    private static boolean wholeBytes(double value) {
        return Double.isFinite(value) && value >= 0 && value == Math.rint(value) && value <= MAX_EXACT;
    }

    private static boolean finiteNumber(Object value) {
        return value instanceof Number n && Double.isFinite(n.doubleValue());
    }

    static String unitOf(MeasurementUpload m) {
        if (m.unit() != null) {
            return m.unit();
        }
        return switch (m.kind()) {
            case Kinds.SIZE -> "bytes";
            case Kinds.RUNTIME -> "seconds";
            case Kinds.INSTRUCTIONS -> Kinds.COUNT;
            default -> "";
        };
    }
}
