package io.regtrack.webhook;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook receiver on this machine: it keeps every request, can refuse the next few with a 500,
 * and can hold its answers until let go. Started for a test class as a Quarkus test resource,
 * which lets webhooks point at loopback and retries come quickly.
 */
public class Receiver implements QuarkusTestResourceLifecycleManager {

    record Request(String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0))
                    .findFirst()
                    .orElse(null);
        }
    }

    static final List<Request> RECEIVED = new CopyOnWriteArrayList<>();
    static final AtomicInteger FAIL_NEXT = new AtomicInteger();
    static volatile CountDownLatch hold = new CountDownLatch(0);
    private static HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                try (InputStream in = exchange.getRequestBody()) {
                    String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    hold.await(30, TimeUnit.SECONDS);
                    RECEIVED.add(new Request(
                            exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
                    boolean fail = FAIL_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
                    exchange.sendResponseHeaders(fail ? 500 : 204, -1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    exchange.close();
                }
            });
            server.start();
            return Map.of(
                    "regtrack.webhooks.allow-private-addresses", "true",
                    "regtrack.webhooks.first-retry", "0.2S");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        hold.countDown();
        if (server != null) {
            server.stop(0);
        }
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    static List<Request> at(String path) {
        return RECEIVED.stream().filter(r -> r.path().equals(path)).toList();
    }
}
