package io.regtrack.results;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Every way to spoil a document one value at a time: each value swapped for a value of another type, or dropped. */
final class Mutations {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** What a value is swapped for: null, a number as a string, numbers out of range, the wrong containers. */
    static final List<JsonNode> SPOILERS = List.of(
            F.nullNode(),
            F.textNode("12"),
            F.textNode(""),
            F.numberNode(-1),
            F.numberNode(0),
            F.numberNode(Double.NaN),
            F.numberNode(Double.POSITIVE_INFINITY),
            F.booleanNode(true),
            F.arrayNode(),
            F.arrayNode().add(F.nullNode()),
            F.objectNode(),
            F.objectNode().putNull("x"));

    private Mutations() {}

    /** Calls {@code check} with every copy of {@code document} that has one value swapped or one field dropped. */
    static int each(JsonNode document, Consumer<JsonNode> check) {
        List<List<Object>> paths = new ArrayList<>();
        collect(document, new ArrayList<>(), paths);
        int count = 0;
        for (List<Object> path : paths) {
            List<Object> parent = path.subList(0, path.size() - 1);
            Object last = path.get(path.size() - 1);
            for (JsonNode spoiler : SPOILERS) {
                JsonNode copy = document.deepCopy();
                JsonNode container = at(copy, parent);
                if (last instanceof Integer i) {
                    ((ArrayNode) container).set(i, spoiler.deepCopy());
                } else {
                    ((ObjectNode) container).set((String) last, spoiler.deepCopy());
                }
                check.accept(copy);
                count++;
            }
            if (last instanceof String name) {
                JsonNode copy = document.deepCopy();
                ((ObjectNode) at(copy, parent)).remove(name);
                check.accept(copy);
                count++;
            }
        }
        return count;
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> paths) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(name -> step(node.get(name), path, name, paths));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                step(node.get(i), path, i, paths);
            }
        }
    }

    private static void step(JsonNode child, List<Object> path, Object key, List<List<Object>> paths) {
        List<Object> here = new ArrayList<>(path);
        here.add(key);
        paths.add(here);
        collect(child, here, paths);
    }

    private static JsonNode at(JsonNode root, List<Object> path) {
        JsonNode node = root;
        for (Object key : path) {
            node = key instanceof Integer i ? node.get(i) : node.get((String) key);
        }
        return node;
    }
}
