package io.regtrack.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.regtrack.testing.LongHistory;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The project page of a hyper-sized history (hyper's 27 real benchmarks × 440 commits, with commit
 * messages), measured as a reader meets it: the packaged service, a cold headless Chromium, the
 * page's own timing. Not part of the default build: {@code bench/page-budget.sh}; the figures are
 * printed and written to {@code target/page-budget.md}.
 */
class PageBudgetEvaluation {

    private static final String MEASURE = "const nav = performance.getEntriesByType('navigation')[0];"
            + " const res = performance.getEntriesByType('resource');"
            + " const long = window.__longTasks || [];"
            + " return {ms: performance.getEntriesByName('regtrack:charts-drawn')[0].startTime, bytes: nav.transferSize + res.reduce((n, r) => n + r.transferSize, 0),"
            + " decoded: nav.decodedBodySize + res.reduce((n, r) => n + r.decodedBodySize, 0),"
            + " requests: res.length + 1, elements: document.getElementsByTagName('*').length,"
            + " charts: document.querySelectorAll('.chart canvas').length,"
            + " height: document.documentElement.scrollHeight,"
            + " longest: long.reduce((m, d) => Math.max(m, d), 0),"
            + " blocking: long.reduce((n, d) => n + Math.max(0, d - 50), 0)};";

    /** Collects the main thread's long tasks from the first moment of every page. */
    private static final String LONG_TASKS = "window.__longTasks = [];"
            + " new PerformanceObserver(l => l.getEntries().forEach(e => window.__longTasks.push(e.duration)))"
            + ".observe({type: 'longtask', buffered: true});";

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
                    "| load | visible charts drawn (ms) | transferred | decoded | requests | elements | page height (px)"
                            + " | longest task (ms) | blocking (ms) |");
            table.add("|---|--:|--:|--:|--:|--:|--:|--:|--:|");
            browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LONG_TASKS));
            for (String load : List.of("cold", "warm")) {
                Map<String, Object> m = measure(browser, service.url("/projects/hyper"));
                table.add(String.format(
                        Locale.ROOT,
                        "| %s (%d series × %d commits; %s charts drawn) | %.0f | %.0f KB | %.0f KB | %s | %s | %s | %.0f | %.0f |",
                        load,
                        series.size(),
                        commits,
                        m.get("charts"),
                        ((Number) m.get("ms")).doubleValue(),
                        ((Number) m.get("bytes")).doubleValue() / 1000,
                        ((Number) m.get("decoded")).doubleValue() / 1000,
                        m.get("requests"),
                        m.get("elements"),
                        m.get("height"),
                        ((Number) m.get("longest")).doubleValue(),
                        ((Number) m.get("blocking")).doubleValue()));
            }
            write("page-budget.md", table);
            assertThat(table).hasSize(4);
        }
    }

    /**
     * A series page of 100,000 runs (seeded as {@code bench/seed-series.sql} does): how soon its charts
     * are drawn, how long the main thread is blocked, and how long a zoom takes to draw the window
     * again at full resolution.
     */
    @Test
    void aHundredThousandRunSeriesPage() throws Exception {
        try (ServiceProcess service = new ServiceProcess(home).start();
                Browser browser = new Browser()) {
            LongHistory.seed(service.database(), "long", 100_000);
            browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", LONG_TASKS));
            List<String> table = new ArrayList<>();
            table.add("| load | charts drawn (ms) | transferred | decoded | longest task (ms) | blocking (ms)"
                    + " | zoom to full detail (ms) | points in the window |");
            table.add("|---|--:|--:|--:|--:|--:|--:|--:|");
            for (String load : List.of("cold", "warm")) {
                Map<String, Object> m = measure(browser, service.url("/projects/long"));
                WebElement chart = browser.driver.findElement(By.cssSelector("#sizes .chart"));
                WebElement over = chart.findElement(By.cssSelector(".u-over"));
                browser.driver.executeScript(
                        "window.__zoomAt = performance.now();"
                                + " new MutationObserver((x, o) => { if (arguments[0].dataset.detail) {"
                                + " window.__zoomed = performance.now() - window.__zoomAt; o.disconnect(); } })"
                                + ".observe(arguments[0], {attributes: true});",
                        chart);
                new Actions(browser.driver)
                        .moveToElement(over, -over.getSize().width / 10, 0)
                        .clickAndHold()
                        .moveByOffset(over.getSize().width / 20, 0)
                        .release()
                        .perform();
                browser.wait.until(d -> chart.getDomAttribute("data-detail") != null);
                Number zoomed = (Number) browser.driver.executeScript("return window.__zoomed");
                table.add(String.format(
                        Locale.ROOT,
                        "| %s (2 series × 100,000 runs) | %.0f | %.0f KB | %.0f KB | %.0f | %.0f | %.0f | %s |",
                        load,
                        ((Number) m.get("ms")).doubleValue(),
                        ((Number) m.get("bytes")).doubleValue() / 1000,
                        ((Number) m.get("decoded")).doubleValue() / 1000,
                        ((Number) m.get("longest")).doubleValue(),
                        ((Number) m.get("blocking")).doubleValue(),
                        zoomed.doubleValue(),
                        chart.getDomAttribute("data-detail")));
            }
            write("page-budget-long.md", table);
            assertThat(table).hasSize(4);
        }
    }

    /** Opens a project page and reads the page's own figures once its visible charts are drawn. */
    private static Map<String, Object> measure(Browser browser, String url) {
        browser.driver.get(url);
        browser.wait.until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return performance.getEntriesByName('regtrack:charts-drawn').length > 0"));
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) browser.driver.executeScript(MEASURE);
        return m;
    }

    private static void write(String file, List<String> table) throws java.io.IOException {
        String markdown = String.join("\n", table) + "\n";
        Files.writeString(Path.of("target", file), markdown, StandardCharsets.UTF_8);
        System.out.println(markdown);
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
