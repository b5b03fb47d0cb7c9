package io.regtrack.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.regtrack.ingest.RunUpload.MeasurementUpload;
import io.regtrack.ingest.RunUpload.ProfileUpload;
import io.regtrack.problem.Violation;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UploadRulesTest {

    private static final String C = "9fceb02d0ae598e95dc970b74767f19372d61af8";

    private static RunUpload upload(MeasurementUpload... measurements) {
        return upload(null, "main", null, measurements);
    }

    private static RunUpload upload(ProfileUpload profile, String branch, OffsetDateTime at, MeasurementUpload... ms) {
        return new RunUpload(
                C, branch, null, null, null, at, null, null, null, null, null, null, profile, Arrays.asList(ms), null);
    }

    private static MeasurementUpload size(String name, Double value) {
        return new MeasurementUpload("size", name, null, value, null, null);
    }

    private static MeasurementUpload runtime(String name, Double value, Double... samples) {
        return new MeasurementUpload(
                "runtime", name, null, value, samples.length == 0 ? null : Arrays.asList(samples), null);
    }

    private static List<Violation> check(RunUpload upload) {
        return UploadRules.check(upload, UploadMeasurements.of(upload));
    }

    private static List<String> fields(RunUpload upload) {
        return check(upload).stream().map(Violation::field).toList();
    }

    @Test
    void aGoodUploadHasNoViolations() {
        assertThat(check(upload(size("app", 303552.0), runtime("t", null, 0.1, 0.2, 0.0))))
                .isEmpty();
        assertThat(check(upload(size("big", UploadRules.MAX_EXACT)))).isEmpty();
    }

    @Test
    void sizesAreWholeBytesThatADoubleHoldsExactly() {
        assertThat(fields(upload(size("a", 1.5)))).containsExactly("measurements[0].value");
        assertThat(fields(upload(size("a", UploadRules.MAX_EXACT * 2)))).containsExactly("measurements[0].value");
        assertThat(fields(upload(new MeasurementUpload("size", "a", "KiB", 1.0, null, null))))
                .containsExactly("measurements[0].unit");
        assertThat(fields(upload(new MeasurementUpload("size", "a", null, null, List.of(1.0), null))))
                .containsExactly("measurements[0].samples");
        assertThat(fields(upload(new MeasurementUpload("size", "a", null, 1.0, null, Map.of(".text", 0.5)))))
                .containsExactly("measurements[0].parts..text");
    }

    @Test
    void valuesAreFiniteAndNotNegative() {
        assertThat(fields(upload(runtime("t", Double.NaN)))).containsExactly("measurements[0].value");
        assertThat(fields(upload(runtime("t", Double.POSITIVE_INFINITY)))).containsExactly("measurements[0].value");
        assertThat(fields(upload(runtime("t", -1.0)))).containsExactly("measurements[0].value");
        assertThat(fields(upload(runtime("t", null, 0.1, Double.NaN, -2.0))))
                .containsExactly("measurements[0].samples[1]", "measurements[0].samples[2]");
        assertThat(fields(upload(runtime("t", 0.0)))).isEmpty();
        assertThat(fields(upload(runtime("t", 1e300)))).isEmpty();
    }

    @Test
    void oneValueOrSamplesNeverBothNorNeither() {
        assertThat(fields(upload(runtime("t", 1.0, 1.0)))).containsExactly("measurements[0]");
        assertThat(fields(upload(runtime("t", null)))).containsExactly("measurements[0]");
    }

    @Test
    void eachMeasurementOnceButTheSameNameMayHaveTwoKinds() {
        assertThat(fields(upload(size("a", 1.0), size("a", 2.0)))).containsExactly("measurements[1]");
        assertThat(fields(upload(size("a", 1.0), runtime("a", 2.0)))).isEmpty();
    }

    @Test
    void customKindsNeedAUnit() {
        assertThat(fields(upload(new MeasurementUpload("memory", "peak", null, 1.0, null, null))))
                .containsExactly("measurements[0].unit");
        assertThat(fields(upload(new MeasurementUpload("memory", "peak", "bytes", 1.0, null, null))))
                .isEmpty();
        assertThat(UploadRules.unitOf(size("a", 1.0))).isEqualTo("bytes");
        assertThat(UploadRules.unitOf(runtime("a", 1.0))).isEqualTo("seconds");
    }

    @Test
    void branchesTagsAndTimesAreChecked() {
        assertThat(fields(upload(null, "a..b", null, size("a", 1.0)))).containsExactly("branch");
        assertThat(fields(upload(null, "main", OffsetDateTime.parse("1969-12-31T23:59:59Z"), size("a", 1.0))))
                .containsExactly("committedAt");
        assertThat(fields(upload(null, "main", OffsetDateTime.parse("2026-11-23T10:15:00+02:00"), size("a", 1.0))))
                .isEmpty();
    }

    @Test
    void profileSettingsAreScalars() {
        ProfileUpload profile = new ProfileUpload(
                "release",
                Map.of("lto", "fat", "codegen-units", 1, "debug", false, "bad", List.of(1), "nan", Double.NaN),
                null,
                null,
                null,
                null,
                null);
        assertThat(fields(upload(profile, "main", null, size("a", 1.0))))
                .containsExactlyInAnyOrder("profile.settings.bad", "profile.settings.nan");
    }

    @Test
    void controlCharactersInNamesAreRefused() {
        assertThat(fields(upload(size("a\nb", 1.0)))).containsExactly("measurements[0].name");
        assertThat(fields(upload(size("a\u0085b", 1.0)))).containsExactly("measurements[0].name");
    }
}
