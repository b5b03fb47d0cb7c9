package io.regtrack.results;

import static io.regtrack.results.Fixtures.failure;
import static io.regtrack.results.Fixtures.json;
import static io.regtrack.results.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Criterion.rs. Each fixture folder holds one benchmark's files as Criterion writes them under {@code
 * target/criterion/<directory_name>/new/}: {@code sample.json} ({@code SavedSample {sampling_mode, iters, times}} in
 * bheisler/criterion.rs {@code src/analysis/mod.rs}), {@code estimates.json} ({@code Estimates} in {@code
 * src/estimate.rs}) and {@code benchmark.json} ({@code BenchmarkId} in {@code src/report.rs}, with {@code Throughput}
 * from {@code src/lib.rs}). {@code parse_small} is a Linear sample, {@code checksum_4096} a Flat one with a throughput.
 */
class CriterionFormatTest {

    private static ObjectNode benchmark(String dir, String... files) {
        ObjectNode content = Fixtures.JSON.createObjectNode();
        for (String file : files) {
            content.set(file, json("criterion/" + dir + "/" + file + ".json"));
        }
        return content;
    }

    @Test
    void samplesArePerIterationTimesInSeconds() {
        ObjectNode content = benchmark("parse_small", "sample", "estimates", "benchmark");

        Measure m = parse("criterion", null, content).get(0);

        JsonNode iters = content.get("sample").get("iters");
        JsonNode times = content.get("sample").get("times");
        List<Double> expected = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            expected.add(times.get(i).doubleValue() / iters.get(i).doubleValue() / 1e9);
        }
        assertThat(m.name()).isEqualTo("parse/small");
        assertThat(m.kind()).isEqualTo("runtime");
        assertThat(m.unit()).isEqualTo("seconds");
        assertThat(m.value()).isNull();
        assertThat(m.samples()).containsExactlyElementsOf(expected);
        assertThat(m.samples().get(0)).isEqualTo(1.25e-6); // 2150000 ns / 1720 iterations
    }

    @Test
    void aFlatSampleWithThroughputGivesASecondMeasure() {
        List<Measure> measures =
                parse("criterion", null, benchmark("checksum_4096", "sample", "estimates", "benchmark"));

        assertThat(measures).hasSize(2);
        assertThat(measures.get(0).samples())
                .containsExactly(
                        2.048e-6, 2.05e-6, 2.047e-6, 2.049e-6, 2.052e-6, 2.048e-6, 2.046e-6, 2.048e-6, 2.051e-6,
                        2.049e-6);
        Measure throughput = measures.get(1);
        assertThat(throughput.kind()).isEqualTo("throughput");
        assertThat(throughput.name()).isEqualTo("checksum/4096");
        assertThat(throughput.unit()).isEqualTo("bytes/s");
        assertThat(throughput.value()).isEqualTo(4096 / (2048.0 / 1e9)); // bytes / median estimate
    }

    @Test
    void theAttachmentNameReplacesTheFullId() {
        assertThat(parse("criterion", "checksum 4k", benchmark("checksum_4096", "sample", "estimates", "benchmark")))
                .extracting(Measure::name)
                .containsExactly("checksum 4k", "checksum 4k");
    }

    @Test
    void withoutASampleTheMedianEstimateIsTheValue() {
        List<Measure> measures = parse("criterion", null, benchmark("parse_small", "estimates", "benchmark"));

        assertThat(measures).singleElement().satisfies(m -> {
            assertThat(m.value()).isEqualTo(1250.0 / 1e9);
            assertThat(m.samples()).isNull();
        });
    }

    @Test
    void malformedFilesSayWhere() {
        ObjectNode zero = benchmark("parse_small", "sample", "benchmark");
        ((ArrayNode) zero.get("sample").get("iters")).set(2, 0);
        assertThat(failure("criterion", null, zero))
                .returns("/sample/iters/2", ResultException::place)
                .hasMessage("must be above zero");

        ObjectNode uneven = benchmark("parse_small", "sample", "benchmark");
        ((ArrayNode) uneven.get("sample").get("times")).remove(0);
        assertThat(failure("criterion", null, uneven)).returns("/sample", ResultException::place);

        ObjectNode mode = benchmark("parse_small", "sample", "benchmark");
        ((ObjectNode) mode.get("sample")).put("sampling_mode", "Auto");
        assertThat(failure("criterion", null, mode)).returns("/sample/sampling_mode", ResultException::place);

        assertThat(failure("criterion", null, benchmark("parse_small", "benchmark")))
                .returns("", ResultException::place)
                .hasMessageContaining("sample");
        assertThat(failure("criterion", null, benchmark("parse_small", "sample")))
                .returns("/benchmark", ResultException::place);
    }
}
