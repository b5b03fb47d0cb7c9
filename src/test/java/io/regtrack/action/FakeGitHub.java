package io.regtrack.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local stand-in for the three GitHub REST endpoints the report step uses for pull-request
 * comments (GitHub itself cannot be reached from the tests): list, create and update.
 */
final class FakeGitHub implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LIST_OR_CREATE = Pattern.compile("/repos/([^/]+/[^/]+)/issues/(\\d+)/comments");
    private static final Pattern UPDATE = Pattern.compile("/repos/([^/]+/[^/]+)/issues/comments/(\\d+)");

    private final HttpServer server;
    private final Map<Long, ObjectNode> comments = Collections.synchronizedMap(new LinkedHashMap<>());
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private long nextId = 1000;

    FakeGitHub() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ObjectNode> comments() {
        return List.copyOf(comments.values());
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        requests.add(method + " " + path);
        if (!"Bearer gh-test-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, JSON.createObjectNode().put("message", "Bad credentials"));
            return;
        }
        Matcher list = LIST_OR_CREATE.matcher(path);
        Matcher update = UPDATE.matcher(path);
        if (list.matches() && method.equals("GET")) {
            ArrayNode all = JSON.createArrayNode();
            comments.values().stream()
                    .filter(c -> c.get("issue").asText().equals(list.group(2)))
                    .forEach(all::add);
            send(exchange, 200, all);
        } else if (list.matches() && method.equals("POST")) {
            JsonNode body = JSON.readTree(exchange.getRequestBody());
            ObjectNode comment = JSON.createObjectNode()
                    .put("id", nextId++)
                    .put("issue", list.group(2))
                    .put("body", body.get("body").asText());
            comments.put(comment.get("id").asLong(), comment);
            send(exchange, 201, comment);
        } else if (update.matches() && method.equals("PATCH")) {
            ObjectNode comment = comments.get(Long.parseLong(update.group(2)));
            if (comment == null) {
                send(exchange, 404, JSON.createObjectNode().put("message", "Not Found"));
                return;
            }
            comment.put(
                    "body", JSON.readTree(exchange.getRequestBody()).get("body").asText());
            send(exchange, 200, comment);
        } else {
            send(exchange, 404, JSON.createObjectNode().put("message", "Not Found"));
        }
    }

    private static void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
