package io.regtrack.ingest;

import io.regtrack.ingest.RunUpload.MeasurementUpload;
import io.regtrack.ingest.RunUpload.ResultUpload;
import io.regtrack.problem.ProblemException;
import io.regtrack.results.Measure;
import io.regtrack.results.ResultException;
import io.regtrack.results.ResultFormats;
import java.util.ArrayList;
import java.util.List;

/**
 * Every measurement of an upload: those given in {@code measurements}, then those parsed from each
 * of its {@code results}, each with the place it came from so that a rule it breaks names it. A
 * result that cannot be parsed refuses the whole upload, naming the attachment and the place in it.
 */
final class UploadMeasurements {

    /** A measurement and where in the upload it came from ({@code measurements[3]}, {@code results[1]}). */
    record Sourced(String at, MeasurementUpload measurement) {}

    private UploadMeasurements() {}

    static List<Sourced> of(RunUpload upload) {
        List<Sourced> all = new ArrayList<>();
        if (upload.measurements() != null) {
            for (int i = 0; i < upload.measurements().size(); i++) {
                all.add(new Sourced(
                        "measurements[" + i + "]", upload.measurements().get(i)));
            }
        }
        if (upload.results() != null) {
            for (int i = 0; i < upload.results().size(); i++) {
                ResultUpload result = upload.results().get(i);
                for (Measure m : parse(result, "results[" + i + "]")) {
                    all.add(new Sourced("results[" + i + "]", measurement(m)));
                }
            }
        }
        return all;
    }

    private static List<Measure> parse(ResultUpload result, String at) {
        try {
            return ResultFormats.parse(result.format(), result.name(), result.content());
        } catch (ResultException e) {
            String which = result.format() + " output" + (result.name() == null ? "" : " '" + result.name() + "'");
            String place = e.place().isEmpty() ? "" : " at " + e.place();
            throw ProblemException.invalid(at + ".content", which + place + ": " + e.getMessage());
        }
    }

    /** A parsed measure as the measurement an upload gives. */
    static MeasurementUpload measurement(Measure m) {
        return new MeasurementUpload(
                m.kind(), m.name(), m.unit(), m.value(), m.samples(), m.parts().isEmpty() ? null : m.parts());
    }
}
