package io.regtrack.cargo;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/** Reads TOML with jackson-dataformat-toml; a syntax error names its line and column. */
final class Toml {

    private static final TomlMapper TOML = new TomlMapper();

    private Toml() {}

    static JsonNode parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return TOML.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1
                    ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new CargoProfileException(field, "is not valid TOML" + where + ": " + e.getOriginalMessage());
        }
    }

    /** A TOML scalar as Java: Boolean, Long, Double or String. */
    static Object scalar(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.longValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        return node.isValueNode() ? node.asText() : node.toString();
    }
}
