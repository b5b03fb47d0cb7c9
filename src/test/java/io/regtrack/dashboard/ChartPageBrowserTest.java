package io.regtrack.dashboard;

import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.regtrack.testing.LongHistory;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The project page's charts in a real headless Chromium: one payload, log scale, composition, picking, detail. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChartPageBrowserTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    DataSource db;

    Browser browser;
    String slug;

    @BeforeEach
    void seed() {
        if (browser != null) {
            return;
        }
        browser = new Browser();
        slug = project("chartpage", true);
        String ingest = token(slug, "ingest");
        for (int n = 1; n <= 30; n++) {
            boolean grown = n >= 20;
            as(ingest)
                    .body("""
                    {"commit": "%s", "branch": "main", %s "committedAt": "2026-09-%02dT12:00:00Z",
                     "message": "Change %d\\n\\nwith a body no chart shows",
                     "toolchain": {"rustc": "%s", "target": "x86_64-unknown-linux-gnu"},
                     "profile": {"name": "release", "settings": {"opt-level": "3"}},
                     "measurements": [
                       {"kind": "size", "name": "app", "value": %d,
                        "parts": {"stripped": 1000, ".text": %d, ".rodata": 40000, "crate:regex": %d, "crate:std": 90000}},
                       {"kind": "size", "name": "cli", "value": %d},
                       {"kind": "runtime", "name": "parse", "value": %s}]}
                    """.formatted(
                                    sha(n),
                                    n == 1 ? "\"tag\": \"v1.0.0\"," : "",
                                    n,
                                    n,
                                    grown ? "1.96.0" : "1.95.0",
                                    grown ? 400_000 : 300_000,
                                    grown ? 250_000 : 200_000,
                                    grown ? 90_000 : 50_000,
                                    100_000 + n,
                                    String.format(Locale.ROOT, "%.4f", 0.1 + (n % 3) * 0.001)))
                    .post("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(201);
        }
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private String url(String path) {
        return server.toString().replaceAll("/$", "") + path;
    }

    private void open(String path) {
        browser.driver.get(url(path));
        browser.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".chart canvas"), 2));
        browser.wait.until(ExpectedConditions.textToBe(By.id("status"), ""));
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser.driver).executeScript(script, args);
    }

    private boolean inked(WebElement canvas) {
        Object n = js("""
                const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n;""", canvas);
        return ((Number) n).longValue() > 500;
    }

    @Test
    void thePageReadsItsChartsInOneAnswerAndListsBuildChangesOnce() throws Exception {
        open("/projects/" + slug);
        @SuppressWarnings("unchecked")
        List<String> requests = (List<String>) js(
                "return performance.getEntriesByType('resource').map(r => r.name).filter(n => n.includes('/api/v1/'))");
        assertThat(requests.stream().filter(r -> r.contains("/charts?"))).hasSize(1);
        assertThat(requests.stream().filter(r -> r.contains("/series?"))).isEmpty();
        assertThat(browser.driver.findElements(By.cssSelector(".chart canvas"))).allMatch(this::inked);
        // Three charts cross the toolchain change; the page names it once.
        assertThat(browser.driver.findElements(By.cssSelector("#build-changes li")))
                .singleElement()
                .satisfies(li -> assertThat(li.getText())
                        .contains("rustc")
                        .contains("1.95.0")
                        .contains("1.96.0"));
        assertThat(browser.driver.findElement(By.id("releases")).getText()).contains("v1.0.0");
        WebElement app = browser.driver.findElement(By.cssSelector("#sizes .chart-box"));
        app.findElement(By.cssSelector("details.points summary")).click();
        // The table is made when opened; each row offers the comparison with the point before.
        browser.wait.until(
                d -> app.findElements(By.cssSelector("table.points tbody tr")).size() == 30);
        List<WebElement> rows = app.findElements(By.cssSelector("table.points tbody tr"));
        assertThat(rows.get(0).getText()).contains("Change 30").doesNotContain("body");
        assertThat(rows.get(0).findElement(By.linkText("vs. previous")).getDomAttribute("href"))
                .contains("/compare?base=")
                .contains("&head=");
    }

    @Test
    void theLogScaleIsAskedForAndKeptInTheAddress() throws Exception {
        open("/projects/" + slug);
        assertThat(browser.driver.findElements(By.cssSelector(".chart")))
                .allMatch(c -> "linear".equals(c.getDomAttribute("data-scale")));
        browser.driver.findElement(By.id("log")).click();
        browser.wait.until(ExpectedConditions.urlContains("scale=log"));
        browser.wait.until(d -> d.findElements(By.cssSelector(".chart")).size() > 2
                && d.findElements(By.cssSelector(".chart")).stream()
                        .allMatch(c -> "log".equals(c.getDomAttribute("data-scale"))));
        assertThat(browser.driver.findElements(By.cssSelector(".chart canvas"))).allMatch(this::inked);
        browser.screenshot("project-log");
        open("/projects/" + slug + "?scale=log");
        assertThat(browser.driver.findElement(By.id("log")).isSelected()).isTrue();
    }

    @Test
    void aBinarysCompositionIsDrawnOverTime() throws Exception {
        open("/projects/" + slug);
        WebElement app = browser.driver.findElement(By.cssSelector("#sizes .chart-box"));
        assertThat(browser.driver.findElements(By.cssSelector("#sizes .chart-box details.composition-toggle")))
                .as("only a binary that records its parts offers its composition")
                .hasSize(1);
        app.findElement(By.cssSelector("details.composition-toggle summary")).click();
        browser.wait.until(d ->
                app.findElements(By.cssSelector(".composition-chart canvas")).size() == 2);
        for (WebElement canvas : app.findElements(By.cssSelector(".composition-chart canvas"))) {
            browser.wait.until(d -> inked(canvas));
        }
        String legends = app.findElement(By.cssSelector(".composition")).getText();
        assertThat(legends)
                .contains(".text")
                .contains(".rodata")
                .contains("regex")
                .contains("std");
        assertThat(legends).doesNotContain("stripped");
        js("arguments[0].scrollIntoView()", app.findElement(By.cssSelector(".composition")));
        browser.screenshot("project-composition");
    }

    @Test
    void twoShiftClickedPointsOpenTheirComparison() throws Exception {
        open("/projects/" + slug);
        WebElement over = browser.driver.findElement(By.cssSelector("#sizes .u-over"));
        int width = over.getSize().getWidth();
        new Actions(browser.driver)
                .moveToElement(over, -width / 2 + 3, 0)
                .pause(150)
                .keyDown(Keys.SHIFT)
                .click()
                .keyUp(Keys.SHIFT)
                .perform();
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("pick")));
        assertThat(browser.driver.findElement(By.id("pick")).getText()).contains(sha(1).substring(0, 10));
        new Actions(browser.driver)
                .moveToElement(over, width / 2 - 3, 0)
                .pause(150)
                .keyDown(Keys.SHIFT)
                .click()
                .keyUp(Keys.SHIFT)
                .perform();
        browser.wait.until(ExpectedConditions.urlContains("/compare?base="));
        browser.wait.until(
                d -> !d.findElements(By.cssSelector("#verdicts tbody tr")).isEmpty());
        assertThat(browser.driver.findElement(By.id("sides")).getText())
                .contains(sha(30).substring(0, 10))
                .contains(sha(1).substring(0, 10));
        assertThat(browser.driver.findElement(By.cssSelector("#verdicts tbody")).getText())
                .contains("app");
        // What the binary is made of, compared part by part.
        assertThat(browser.driver.findElement(By.id("composition")).getText())
                .contains(".text")
                .contains("+48.8 KiB")
                .contains("crate:regex");
    }

    @Test
    void badgesAreImagesABrowserDraws() throws Exception {
        open("/projects/" + slug);
        for (String badge : List.of("size/app.svg", "status.svg")) {
            @SuppressWarnings("unchecked")
            List<Long> drawn = (List<Long>) ((JavascriptExecutor) browser.driver)
                    .executeAsyncScript("""
                            const done = arguments[arguments.length - 1];
                            const img = new Image();
                            img.onload = () => {
                              const c = document.createElement('canvas');
                              c.width = img.naturalWidth; c.height = img.naturalHeight;
                              const ctx = c.getContext('2d'); ctx.drawImage(img, 0, 0);
                              const d = ctx.getImageData(0, 0, c.width, c.height).data;
                              let ink = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { ink++; } }
                              done([img.naturalWidth, img.naturalHeight, ink]);
                            };
                            img.onerror = () => done([0, 0, 0]);
                            img.src = arguments[0];""", "/api/v1/projects/" + slug + "/badges/" + badge);
            assertThat(drawn.get(0)).as(badge + " width").isGreaterThan(60);
            assertThat(drawn.get(1)).as(badge + " height").isEqualTo(20);
            assertThat(drawn.get(2)).as(badge + " drawn").isGreaterThan(500);
        }
    }

    @Test
    void anAlertLeadsToItsChartAtThatPoint() throws Exception {
        browser.driver.get(url("/projects/" + slug + "/alerts"));
        WebElement link =
                browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.linkText("the chart at that point")));
        link.click();
        browser.wait.until(ExpectedConditions.urlContains("from="));
        browser.wait.until(ExpectedConditions.textToBe(By.id("status"), ""));
        assertThat(browser.driver.getCurrentUrl())
                .contains("find=app")
                .contains("to=")
                .doesNotContain("around=");
        browser.wait.until(d -> d.findElements(By.cssSelector(".chart")).stream()
                .anyMatch(c -> c.getDomAttribute("data-window") != null));
        WebElement app = browser.driver.findElement(By.cssSelector("#sizes .chart"));
        String[] window = app.getDomAttribute("data-window").split("-");
        long step = java.time.Instant.parse("2026-09-20T12:00:00Z").getEpochSecond();
        assertThat(Long.parseLong(window[0])).isLessThan(step);
        assertThat(Long.parseLong(window[1])).isGreaterThan(step);
    }

    @Test
    void aLongHistoryIsDrawnThinnedAndAZoomFetchesItsDetail() throws Exception {
        String history = "long-" + System.nanoTime();
        LongHistory.seed(db, history, 3_000);
        browser.driver.get(url("/projects/" + history));
        browser.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".chart canvas"), 1));
        browser.wait.until(ExpectedConditions.textToBe(By.id("status"), ""));
        WebElement size = browser.driver.findElement(By.cssSelector("#sizes .chart-box"));
        assertThat(size.findElement(By.cssSelector("figcaption .muted")).getText())
                .matches("3000 runs, \\d{3,4} drawn");
        assertThat(browser.driver.findElement(By.id("build-changes")).getText()).contains("lto: fat → false");
        WebElement over = size.findElement(By.cssSelector(".u-over"));
        // Zoom into a narrow window: the charts are read again for it, every point of it drawn.
        new Actions(browser.driver)
                .moveToElement(over, -over.getSize().width / 10, 0)
                .clickAndHold()
                .moveByOffset(over.getSize().width / 8, 0)
                .release()
                .perform();
        WebElement chart = size.findElement(By.cssSelector(".chart"));
        browser.wait.until(d -> chart.getDomAttribute("data-detail") != null);
        String[] window = chart.getDomAttribute("data-window").split("-");
        long inWindow = (Long) js(
                "return fetch('/api/v1/projects/' + arguments[0] + '/series?kind=size&name=app&maxPoints=20000&from='"
                        + " + new Date(arguments[1] * 1000).toISOString() + '&to=' + new Date(arguments[2] * 1000).toISOString())"
                        + ".then(r => r.json()).then(v => v.total)",
                history,
                Long.parseLong(window[0]),
                Long.parseLong(window[1]));
        assertThat(inWindow).isBetween(100L, 1000L);
        assertThat(Long.parseLong(chart.getDomAttribute("data-detail"))).isEqualTo(inWindow);
        browser.screenshot("project-long-history");
    }
}
