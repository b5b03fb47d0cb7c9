package io.regtrack.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The API document is committed as docs/openapi.json, so every API change is a visible diff. After
 * an intended change, regenerate it with {@code ./mvnw verify -Dregtrack.openapi.write=true}.
 */
@QuarkusTest
class OpenApiDocumentTest {

    private static final Path COMMITTED = Path.of("docs", "openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Test
    void theServedDocumentIsTheCommittedOne() throws Exception {
        JsonNode served = JSON.readTree(given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString());
        String text = JSON.writeValueAsString(served) + "\n";
        if (Boolean.getBoolean("regtrack.openapi.write")) {
            Files.createDirectories(COMMITTED.getParent());
            Files.writeString(COMMITTED, text);
        }
        Path copy = Path.of("target", "openapi.json");
        Files.writeString(copy, text);
        assertThat(Files.exists(COMMITTED)).as("docs/openapi.json is committed").isTrue();
        assertThat(served)
                .as("the served API document differs from docs/openapi.json; compare with " + copy
                        + " and regenerate with -Dregtrack.openapi.write=true if the change is intended")
                .isEqualTo(JSON.readTree(COMMITTED.toFile()));
    }

    @Test
    void theDocumentDescribesTheUploadWithAnExample() throws Exception {
        JsonNode doc = JSON.readTree(
                given().queryParam("format", "json").get("/q/openapi").asString());
        JsonNode upload = doc.at("/paths/~1api~1v1~1projects~1{slug}~1runs/post");
        assertThat(upload.at("/description").asText()).contains("idempotencyKey");
        assertThat(upload.at("/requestBody/content/application~1json/examples").size())
                .isPositive();
        assertThat(doc.at("/components/schemas/RunUpload/properties/commit").isMissingNode())
                .isFalse();
        assertThat(doc.at("/components/schemas/Comparison/properties/verdicts").isMissingNode())
                .isFalse();
    }
}
