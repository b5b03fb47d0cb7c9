package io.regtrack.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * What an upload means, as a digest: two uploads that differ only in JSON key order, measurement
 * order, the letter case of their commits or the offset their commit time is written in have the
 * same fingerprint, so replaying one under the same idempotency key is a replay, not a conflict.
 */
final class UploadFingerprint {

    private UploadFingerprint() {}

    static String of(RunUpload upload, ObjectMapper json) {
        ObjectNode tree = json.valueToTree(upload);
        lowerCase(tree, "commit");
        lowerCase(tree, "parentCommit");
        if (upload.committedAt() != null) {
            tree.put("committedAt", upload.committedAt().toInstant().toString());
        }
        if (tree.get("measurements") instanceof ArrayNode measurements) {
            List<JsonNode> sorted = new ArrayList<>();
            measurements.forEach(sorted::add);
            sorted.sort(Comparator.comparing((JsonNode m) -> m.path("kind").asText())
                    .thenComparing(m -> m.path("name").asText()));
            measurements.removeAll();
            measurements.addAll(sorted);
        }
        try {
            byte[] canonical = json.writeValueAsBytes(sortedKeys(tree, json));
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Could not fingerprint an upload", e);
        }
    }

    private static void lowerCase(ObjectNode tree, String field) {
        if (tree.hasNonNull(field)) {
            tree.put(field, tree.get(field).asText().toLowerCase(Locale.ROOT));
        }
    }

    private static JsonNode sortedKeys(JsonNode node, ObjectMapper json) {
        if (node.isObject()) {
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            node.fields().forEachRemaining(e -> fields.put(e.getKey(), sortedKeys(e.getValue(), json)));
            ObjectNode sorted = json.createObjectNode();
            fields.forEach(sorted::set);
            return sorted;
        }
        if (node.isArray()) {
            ArrayNode sorted = json.createArrayNode();
            node.forEach(element -> sorted.add(sortedKeys(element, json)));
            return sorted;
        }
        return node;
    }
}
