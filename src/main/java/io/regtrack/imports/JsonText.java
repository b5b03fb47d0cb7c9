package io.regtrack.imports;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.regtrack.results.Node;
import io.regtrack.results.ResultException;

/**
 * The JSON in a history file, and the text read from it. A file may be bare JSON or, as github-action-benchmark writes
 * {@code data.js}, a script that assigns it: {@code window.BENCHMARK_DATA = {...}} with an optional {@code ;}. The
 * script's words are blanked rather than cut, so a syntax error's line and column are the file's own.
 */
final class JsonText {

    static final String ASSIGNED = "window.BENCHMARK_DATA";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private JsonText() {}

    /** The file's JSON; a {@link ResultException} at the file as a whole when it is none. */
    static Node read(String text) {
        if (text == null || text.isBlank()) {
            throw new ResultException("", "the file is empty");
        }
        try {
            JsonNode json = JSON.readTree(unwrapped(text));
            if (json == null || json.isMissingNode()) {
                throw new ResultException("", "the file is empty");
            }
            return Node.root(json);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 1
                    ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ResultException("", "not valid JSON" + where);
        }
    }

    /** Text that is kept: no NUL characters and no broken surrogate pairs, which PostgreSQL cannot store. */
    static String text(Node node) {
        return checked(node, node.string());
    }

    /** An object key kept as text (a suite's name): checked like {@link #text}, failing at the key's value. */
    static String checked(Node at, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                throw at.fail("must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw at.fail("must be valid Unicode text");
            }
        }
        return text;
    }

    /** The JSON part of the text, the same length, with a byte order mark and the assignment around it blanked. */
    private static String unwrapped(String text) {
        StringBuilder json = new StringBuilder(text);
        int start = 0;
        while (start < json.length()
                && (Character.isWhitespace(json.charAt(start)) || json.charAt(start) == '\uFEFF')) {
            blank(json, start, start + 1);
            start++;
        }
        if (!text.startsWith(ASSIGNED, start)) {
            return json.toString();
        }
        int equals = start + ASSIGNED.length();
        while (equals < text.length() && Character.isWhitespace(text.charAt(equals))) {
            equals++;
        }
        if (equals >= text.length() || text.charAt(equals) != '=') {
            throw new ResultException("", "expected '=' after " + ASSIGNED);
        }
        blank(json, start, equals + 1);
        int end = json.length() - 1;
        while (end > equals && Character.isWhitespace(json.charAt(end))) {
            end--;
        }
        if (end > equals && json.charAt(end) == ';') {
            blank(json, end, end + 1);
        }
        return json.toString();
    }

    private static void blank(StringBuilder text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                text.setCharAt(i, ' ');
            }
        }
    }
}
