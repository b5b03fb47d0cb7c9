package io.regtrack.results;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * Turns a benchmark tool's own output into {@link Measure}s. Each format has its own adapter in this package; this class
 * picks it, hands it the content in the shape it reads (JSON, or text for {@code libtest}) and applies the rules they
 * share: naming with the attachment's name, name and kind limits, and no duplicate (kind, name).
 */
public final class ResultFormats {

    /** The formats known, in the wire spelling. */
    public static final List<String> NAMES =
            List.of("hyperfine", "criterion", "libtest", "bmf", "gab", "gbench", "iai-callgrind", "cargo-bloat");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultFormats() {}

    /**
     * Reads one attachment.
     *
     * @param format one of {@link #NAMES}
     * @param name the attachment's name: for a single benchmark its name; for several, a prefix joined with "/" (null or
     *     blank: no prefix)
     * @param content the tool's output: a JSON object or array, or a JSON string holding text ({@code libtest}) or JSON
     * @return the measures, in the order the tool wrote them
     * @throws ResultException when the format is unknown or the content is malformed
     */
    public static List<Measure> parse(String format, String name, JsonNode content) throws ResultException {
        String known = format == null ? "" : format;
        List<Parsed> found = switch (known) {
            case "hyperfine" -> HyperfineFormat.read(json(content));
            case "criterion" -> CriterionFormat.read(json(content));
            case "libtest" -> LibtestFormat.read(text(known, content));
            case "bmf" -> BmfFormat.read(json(content));
            case "gab" -> GabFormat.read(json(content));
            case "gbench" -> GbenchFormat.read(json(content));
            case "iai-callgrind" -> IaiCallgrindFormat.read(json(content));
            case "cargo-bloat" -> CargoBloatFormat.read(json(content), name);
            default ->
                throw new ResultException(
                        "",
                        "unknown format \"" + ResultException.echo(known) + "\"; known: " + String.join(", ", NAMES));
        };
        return Names.apply(name, found);
    }

    /** JSON content: an object or array as sent, or a string holding JSON. */
    private static Node json(JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            throw new ResultException("", "no content");
        }
        if (!content.isTextual()) {
            return Node.root(content);
        }
        try {
            JsonNode parsed = JSON.readTree(content.textValue());
            if (parsed == null || parsed.isMissingNode()) {
                throw new ResultException("", "no content");
            }
            return Node.root(parsed);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ResultException("", "not valid JSON" + where);
        }
    }

    /** Text content, sent as a JSON string. */
    private static String text(String format, JsonNode content) {
        if (content == null || content.isNull() || content.isMissingNode()) {
            throw new ResultException("", "no content");
        }
        if (!content.isTextual()) {
            throw new ResultException("", format + " output is text: send it as a JSON string");
        }
        return content.textValue();
    }
}
