package io.regtrack.results;

import static io.regtrack.results.Fixtures.failure;
import static io.regtrack.results.Fixtures.json;
import static io.regtrack.results.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Choosing the adapter, the content shapes it accepts, and what garbage in any format gives: a ResultException. */
class ResultFormatsTest {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    @Test
    void theKnownFormats() {
        assertThat(ResultFormats.NAMES)
                .containsExactly(
                        "hyperfine", "criterion", "libtest", "bmf", "gab", "gbench", "iai-callgrind", "cargo-bloat");
    }

    @Test
    void anUnknownFormatListsTheKnownOnes() {
        for (String format : new String[] {"jmh", null, "", "HYPERFINE"}) {
            assertThat(failure(format, null, json("hyperfine/single-run.json")))
                    .returns("", ResultException::place)
                    .hasMessageContaining("unknown format")
                    .hasMessageContaining(String.join(", ", ResultFormats.NAMES));
        }
    }

    @Test
    void jsonSentAsAStringIsParsed() {
        JsonNode asString = TextNode.valueOf(Fixtures.file("gbench/repetitions.json"));

        assertThat(parse("gbench", null, asString)).isEqualTo(parse("gbench", null, json("gbench/repetitions.json")));
    }

    @Test
    void aStringThatIsNotJsonSaysWhereWithoutEchoingIt() {
        ResultException e = failure("hyperfine", null, TextNode.valueOf("{\"results\": [secret-token-1234567890"));

        assertThat(e.place()).isEmpty();
        assertThat(e.getMessage()).startsWith("not valid JSON at line 1").doesNotContain("secret");
    }

    @Test
    void longInputIsNeverEchoedWhole() {
        String longName = "x".repeat(5000);
        var doc = F.objectNode();
        doc.putObject(longName).putObject("latency").put("value", "slow");

        ResultException e = failure("bmf", null, doc);

        assertThat(e.place().length()).isLessThan(ResultException.ECHO + 20);
        assertThat(e.getMessage().length()).isLessThan(ResultException.ECHO + 80);
    }

    @Test
    void aNameLongerThan200CharactersIsRefused() {
        ResultException e = failure("hyperfine", "p".repeat(199), json("hyperfine/parameter-scan.json"));

        assertThat(e.place()).isEqualTo("/results/0");
        assertThat(e.getMessage()).contains("1 to 200 characters");
    }

    static Stream<Arguments> garbage() {
        List<JsonNode> shapes = List.of(
                F.nullNode(),
                MissingNode.getInstance(),
                F.textNode(""),
                F.textNode("not json"),
                F.textNode("42"),
                F.textNode("null"),
                F.numberNode(42),
                F.booleanNode(false),
                F.arrayNode(),
                F.arrayNode().add(F.nullNode()),
                F.arrayNode().add(1).add("two"),
                F.arrayNode().add(F.arrayNode()),
                F.objectNode(),
                F.objectNode().putNull("results"),
                F.objectNode().put("benchmarks", "[]"));
        List<Arguments> cases = new ArrayList<>();
        for (String format : ResultFormats.NAMES) {
            cases.add(Arguments.of(format, null));
            shapes.forEach(shape -> cases.add(Arguments.of(format, shape)));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("garbage")
    void garbageIsAResultException(String format, JsonNode content) {
        assertThat(catchThrowable(() -> ResultFormats.parse(format, "x", content)))
                .isInstanceOf(ResultException.class);
    }

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("hyperfine", null, "hyperfine/parameter-scan.json"),
                Arguments.of("criterion", null, "criterion/checksum_4096/sample.json"),
                Arguments.of("bmf", null, "bmf/bencher.json"),
                Arguments.of("gab", null, "gab/bigger.json"),
                Arguments.of("gbench", null, "gbench/repetitions.json"),
                Arguments.of("iai-callgrind", null, "iai-callgrind/summary.v3.json"),
                Arguments.of("iai-callgrind", null, "iai-callgrind/summary.v7.json"),
                Arguments.of("cargo-bloat", "bin", "cargo-bloat/functions.json"));
    }

    /** Each fixture with one value swapped for one of another type, or a field dropped, at every level. */
    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("fixtures")
    void spoiledFixturesParseOrGiveAResultException(String format, String name, String fixture) {
        JsonNode document = fixture.startsWith("criterion/") ? criterion(fixture) : json(fixture);
        int tried = Mutations.each(document, spoiled -> {
            Throwable thrown = catchThrowable(() -> ResultFormats.parse(format, name, spoiled));
            assertThat(thrown)
                    .as("%s", spoiled)
                    .satisfiesAnyOf(
                            t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(ResultException.class));
        });
        assertThat(tried).isGreaterThan(50);
    }

    private static JsonNode criterion(String fixture) {
        String dir = fixture.substring(0, fixture.lastIndexOf('/') + 1);
        var content = F.objectNode();
        for (String file : List.of("sample", "estimates", "benchmark")) {
            content.set(file, json(dir + file + ".json"));
        }
        return content;
    }
}
