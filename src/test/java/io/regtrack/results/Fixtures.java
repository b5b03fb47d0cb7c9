package io.regtrack.results;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Reads the tools' output kept under {@code src/test/resources/results/<format>/}. */
final class Fixtures {

    static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {}

    /** A fixture file as text. */
    static String file(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/results/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON fixture file, parsed. */
    static JsonNode json(String path) {
        return parse(file(path));
    }

    /** A text fixture file, as the JSON string a client sends. */
    static JsonNode text(String path) {
        return TextNode.valueOf(file(path));
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<Measure> parse(String format, String name, JsonNode content) {
        return ResultFormats.parse(format, name, content);
    }

    /** The error a malformed attachment gives. */
    static ResultException failure(String format, String name, JsonNode content) {
        ResultException e =
                catchThrowableOfType(ResultException.class, () -> ResultFormats.parse(format, name, content));
        if (e == null) {
            throw new AssertionError("expected a ResultException for " + format);
        }
        return e;
    }
}
