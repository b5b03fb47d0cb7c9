package io.regtrack.results;

import static io.regtrack.results.Fixtures.failure;
import static io.regtrack.results.Fixtures.json;
import static io.regtrack.results.Fixtures.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/**
 * cargo-bloat. The fixtures have the shape {@code cargo bloat --message-format json} prints (RazrFalcon/cargo-bloat
 * {@code src/main.rs}, JSON output): {@code crates.json} from {@code --crates} ({@code {"file-size",
 * "text-section-size", "crates": [{name, size}]}}, including the tool's own {@code [Unknown]} bucket) and {@code
 * functions.json} from the default functions view ({@code "functions": [{crate?, name, size}]}).
 */
class CargoBloatFormatTest {

    @Test
    void cratesViewIsOneSizeWithTheTextSectionAndEachCrateAsParts() {
        Measure m = parse("cargo-bloat", "regtrack-cli", json("cargo-bloat/crates.json"))
                .get(0);

        assertThat(m.kind()).isEqualTo("size");
        assertThat(m.name()).isEqualTo("regtrack-cli");
        assertThat(m.unit()).isEqualTo("bytes");
        assertThat(m.value()).isEqualTo(4718592.0);
        assertThat(m.parts())
                .containsExactly(
                        entry(".text", 1843200.0),
                        entry("crate:std", 412331.0),
                        entry("crate:regex_automata", 301244.0),
                        entry("crate:serde_json", 188412.0),
                        entry("crate:regtrack_cli", 160102.0),
                        entry("crate:clap_builder", 154977.0),
                        entry("crate:aho_corasick", 98311.0),
                        entry("crate:memchr", 51220.0),
                        entry("crate:[Unknown]", 2872.0));
    }

    @Test
    void functionsViewSumsTheListedFunctionsPerCrate() {
        Measure m = parse("cargo-bloat", "regtrack-cli", json("cargo-bloat/functions.json"))
                .get(0);

        assertThat(m.value()).isEqualTo(4718592.0);
        assertThat(m.parts())
                .containsExactly(
                        entry(".text", 1843200.0),
                        entry("crate:regex_automata", 24517.0 + 8732.0),
                        entry("crate:std", 11920.0 + 7688.0),
                        entry("crate:regtrack_cli", 9824.0),
                        entry("crate:serde_json", 5120.0),
                        entry("crate:?", 96.0 + 43.0));
    }

    @Test
    void atMostAThousandPartsKeepingTheLargest() {
        ObjectNode many =
                Fixtures.JSON.createObjectNode().put("file-size", 10_000_000).put("text-section-size", 9_000_000);
        ArrayNode crates = many.putArray("crates");
        for (int i = 1; i <= 1500; i++) {
            crates.addObject().put("name", "c" + i).put("size", i);
        }

        Measure m = parse("cargo-bloat", "big", many).get(0);

        assertThat(m.parts())
                .hasSize(1000)
                .containsKeys(".text", "crate:c1500", "crate:c502")
                .doesNotContainKey("crate:c501");
    }

    @Test
    void theAttachmentNameIsRequiredAndTheViewMustBeKnown() {
        assertThat(failure("cargo-bloat", " ", json("cargo-bloat/crates.json")))
                .returns("", ResultException::place)
                .hasMessageContaining("name");
        ObjectNode neither =
                Fixtures.JSON.createObjectNode().put("file-size", 1).put("text-section-size", 1);
        assertThat(failure("cargo-bloat", "x", neither)).hasMessageContaining("crates");
        ObjectNode negative = (ObjectNode) json("cargo-bloat/crates.json");
        ((ObjectNode) negative.get("crates").get(3)).put("size", -1);
        assertThat(failure("cargo-bloat", "x", negative)).returns("/crates/3/size", ResultException::place);
    }
}
