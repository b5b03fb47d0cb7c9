package io.regtrack.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A JSON value and the pointer to it. Every read checks the type it expects and fails with a {@link ResultException}
 * at this place, so an adapter never meets a null or a value of the wrong type. The adapters here and the history
 * readers of {@code io.regtrack.imports} read their input through it.
 */
public record Node(JsonNode json, String place) {

    public static Node root(JsonNode json) {
        return new Node(json, "");
    }

    /** A required field: present and not null. */
    public Node get(String key) {
        return find(key).orElseThrow(() -> new ResultException(child(key), "missing"));
    }

    /** An optional field: empty when absent or null. */
    public Optional<Node> find(String key) {
        JsonNode value = object().get(key);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(new Node(value, child(key)));
    }

    /** The items of an array. */
    public List<Node> items() {
        if (!json.isArray()) {
            throw fail("expected an array, found " + type());
        }
        List<Node> items = new ArrayList<>(json.size());
        for (int i = 0; i < json.size(); i++) {
            items.add(new Node(json.get(i), place + "/" + i));
        }
        return items;
    }

    /** The items of an array that must not be empty. */
    public List<Node> nonEmptyItems() {
        List<Node> items = items();
        if (items.isEmpty()) {
            throw fail("is empty");
        }
        return items;
    }

    /** The fields of an object, in document order. */
    public List<Map.Entry<String, Node>> fields() {
        List<Map.Entry<String, Node>> fields = new ArrayList<>();
        object().fields()
                .forEachRemaining(f -> fields.add(Map.entry(f.getKey(), new Node(f.getValue(), child(f.getKey())))));
        return fields;
    }

    public boolean isObject() {
        return json.isObject();
    }

    public boolean isText() {
        return json.isTextual();
    }

    public String string() {
        if (!json.isTextual()) {
            throw fail("expected a string, found " + type());
        }
        return json.textValue();
    }

    /** A benchmark's name as the tool gave it: a string, not blank. */
    public String name() {
        String name = string();
        if (name.isBlank()) {
            throw fail("a name must not be blank");
        }
        return name;
    }

    /** A finite number, not negative. */
    public double number() {
        if (!json.isNumber()) {
            throw fail("expected a number, found " + type());
        }
        double value = json.doubleValue();
        if (!Double.isFinite(value)) {
            throw fail("expected a finite number");
        }
        if (value < 0) {
            throw fail("must not be negative");
        }
        return value;
    }

    /** A finite number above zero, such as a count of iterations. */
    public double positive() {
        double value = number();
        if (value == 0) {
            throw fail("must be above zero");
        }
        return value;
    }

    public ResultException fail(String message) {
        return new ResultException(place, message);
    }

    private JsonNode object() {
        if (!json.isObject()) {
            throw fail("expected an object, found " + type());
        }
        return json;
    }

    private String child(String key) {
        return place + "/" + ResultException.echo(key).replace("~", "~0").replace("/", "~1");
    }

    private String type() {
        return switch (json.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "nothing";
        };
    }
}
