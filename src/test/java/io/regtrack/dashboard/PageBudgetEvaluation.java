package io.regtrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regtrack.testing.ServiceProcess;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The project page of a hyper-sized history (hyper's 27 real benchmarks × 440 commits, with commit
 * messages), measured as a reader meets it: the packaged service, a cold headless Chromium, the
 * page's own timing. Not part of the default build: {@code bench/page-budget.sh}; the figures are
 * printed and written to {@code target/page-budget.md}.
 */
class PageBudgetEvaluation {

    private static final String MEASURE = "const nav = performance.getEntriesByType('navigation')[0];"
            + " const res = performance.getEntriesByType('resource');"
            + " return {ms: performance.now(), bytes: nav.transferSize + res.reduce((n, r) => n + r.transferSize, 0),"
            + " decoded: nav.decodedBodySize + res.reduce((n, r) => n + r.decodedBodySize, 0),"
            + " requests: res.length + 1, elements: document.getElementsByTagName('*').length,"
            + " charts: document.querySelectorAll('.chart canvas').length,"
            + " height: document.documentElement.scrollHeight};";

    @TempDir
    Path home;

    @Test
    void aHyperSizedProjectPage() throws Exception {
        try (ServiceProcess service = new ServiceProcess(home).start();
                Browser browser = new Browser()) {
            String admin = service.adminToken();
            post(service, admin, "/api/v1/projects", Map.of("slug", "hyper", "name", "hyper", "public", true));
            Map<String, double[]> series = hyper();
            int commits = series.values().stream().mapToInt(v -> v.length).max().orElseThrow();
            Instant start = Instant.parse("2020-11-16T00:00:00Z");
            for (int i = 0; i < commits; i++) {
                List<Map<String, Object>> measurements = new ArrayList<>();
                for (Map.Entry<String, double[]> e : series.entrySet()) {
                    double[] v = e.getValue();
                    measurements.add(Map.of(
                            "kind",
                            "runtime",
                            "name",
                            e.getKey(),
                            "unit",
                            "seconds",
                            "value",
                            v[Math.min(i, v.length - 1)] / 1e9));
                }
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("commit", String.format(Locale.ROOT, "%040x", i + 1));
                run.put("branch", "main");
                run.put("committedAt", start.plus(Duration.ofHours(6L * i)).toString());
                run.put(
                        "message",
                        ("Commit " + i + ": refactor the connection pool and the HTTP/2 flow control so that "
                                        + "idle connections are reaped on time; see the pull request for the benchmarks")
                                .repeat(2));
                run.put("measurements", measurements);
                post(service, admin, "/api/v1/projects/hyper/runs", run);
            }

            List<String> table = new ArrayList<>();
            table.add(
                    "| load | visible charts drawn (ms) | transferred | decoded | requests | elements | page height (px) |");
            table.add("|---|--:|--:|--:|--:|--:|--:|");
            for (String load : List.of("cold", "warm")) {
                browser.driver.get(service.url("/projects/hyper"));
                browser.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".chart canvas"), 0));
                browser.wait.until(ExpectedConditions.textToBe(By.id("status"), ""));
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) browser.driver.executeScript(MEASURE);
                table.add(String.format(
                        Locale.ROOT,
                        "| %s (%d series × %d commits; %s charts drawn) | %.0f | %.0f KB | %.0f KB | %s | %s | %s |",
                        load,
                        series.size(),
                        commits,
                        m.get("charts"),
                        ((Number) m.get("ms")).doubleValue(),
                        ((Number) m.get("bytes")).doubleValue() / 1000,
                        ((Number) m.get("decoded")).doubleValue() / 1000,
                        m.get("requests"),
                        m.get("elements"),
                        m.get("height")));
            }
            String markdown = String.join("\n", table) + "\n";
            Files.writeString(Path.of("target", "page-budget.md"), markdown, StandardCharsets.UTF_8);
            System.out.println(markdown);
            assertThat(table).hasSize(4);
        }
    }

    private static Map<String, double[]> hyper() throws Exception {
        Map<String, double[]> series = new TreeMap<>();
        try (InputStream in = PageBudgetEvaluation.class.getResourceAsStream("/eval/hyper-bench-history.json")) {
            JsonNode suites = new ObjectMapper().readTree(in).get("suites");
            suites.fields()
                    .forEachRemaining(suite -> suite.getValue()
                            .get("benches")
                            .fields()
                            .forEachRemaining(b -> {
                                JsonNode points = b.getValue().get("points");
                                double[] values = new double[points.size()];
                                for (int i = 0; i < values.length; i++) {
                                    values[i] = points.get(i).get(1).asDouble();
                                }
                                series.put(suite.getKey() + "/" + b.getKey(), values);
                            }));
        }
        return series;
    }

    private static void post(ServiceProcess service, String admin, String path, Object body) throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(service.url(path)))
                                .header("Authorization", "Bearer " + admin)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 201);
    }
}
