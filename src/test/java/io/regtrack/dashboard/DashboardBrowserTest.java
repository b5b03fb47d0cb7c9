package io.regtrack.dashboard;

import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.sha;
import static io.regtrack.testing.Api.token;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The dashboard in a real headless Chromium, on data seeded through the API. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    static final String XSS = "<img src=x onerror=window.__xss=1>";

    @TestHTTPResource("/")
    URL server;

    Browser browser;
    String slug;
    String ingest;

    @BeforeEach
    void seed() {
        if (browser != null) {
            return;
        }
        browser = new Browser();
        slug = project("dash", true);
        ingest = token(slug, "ingest");
        for (int n = 1; n <= 14; n++) {
            boolean grown = n >= 9;
            String body = """
                    {"commit": "%s", "branch": "main", %s "committedAt": "2026-10-%02dT12:00:00Z",
                     "message": "Change %d <script>window.__xss=2</script>",
                     "toolchain": {"rustc": "1.95.0", "target": "x86_64-unknown-linux-gnu"},
                     "profile": {"name": "release", "settings": {"opt-level": "%s"}},
                     "measurements": [
                       {"kind": "size", "name": "app", "value": %d, "parts": {".text": %d, "crate:regex": %d}},
                       {"kind": "runtime", "name": "%s", "samples": [%s]}]}
                    """.formatted(
                            sha(n),
                            n == 1 ? "\"tag\": \"v1.0.0\"," : "",
                            n,
                            n,
                            grown ? "3" : "z",
                            grown ? 400_000 : 300_000 + n,
                            grown ? 250_000 : 200_000,
                            grown ? 90_000 : 50_000,
                            XSS.replace("\"", "\\\""),
                            samples(0.1 + n * 0.0001));
            as(ingest)
                    .body(body)
                    .post("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(201);
        }
        for (String profile : List.of("min-size", "dev")) {
            String body = """
                    {"commit": "%s", "branch": "main", "committedAt": "2026-10-14T12:00:00Z",
                     "toolchain": {"rustc": "1.95.0", "target": "x86_64-unknown-linux-gnu"},
                     "profile": {"name": "%s", "manifest": "[package]\\nname = \\"app\\"\\n[profile.min-size]\\ninherits = \\"release\\"\\nopt-level = \\"z\\"\\n"},
                     "measurements": [{"kind": "size", "name": "app", "value": %d},
                       {"kind": "runtime", "name": "%s", "samples": [%s]}]}
                    """.formatted(
                            sha(14),
                            profile,
                            profile.equals("dev") ? 900_000 : 250_000,
                            XSS.replace("\"", "\\\""),
                            samples(profile.equals("dev") ? 0.5 : 0.11));
            as(ingest)
                    .body(body)
                    .post("/api/v1/projects/" + slug + "/runs")
                    .then()
                    .statusCode(201);
        }
    }

    private static String samples(double center) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", center * (1 + (i - 2.5) * 0.001)));
        }
        return s.toString();
    }

    @AfterAll
    void close() {
        if (browser != null) {
            browser.close();
        }
    }

    /** A finger's tap in the middle of an element. */
    private void tap(WebElement element) {
        org.openqa.selenium.interactions.PointerInput finger = new org.openqa.selenium.interactions.PointerInput(
                org.openqa.selenium.interactions.PointerInput.Kind.TOUCH, "finger");
        org.openqa.selenium.interactions.Sequence tap = new org.openqa.selenium.interactions.Sequence(finger, 0)
                .addAction(finger.createPointerMove(
                        java.time.Duration.ZERO,
                        org.openqa.selenium.interactions.PointerInput.Origin.fromElement(element),
                        0,
                        0))
                .addAction(finger.createPointerDown(
                        org.openqa.selenium.interactions.PointerInput.MouseButton.LEFT.asArg()))
                .addAction(
                        finger.createPointerUp(org.openqa.selenium.interactions.PointerInput.MouseButton.LEFT.asArg()));
        browser.driver.perform(List.of(tap));
    }

    private int runOf(String commit) {
        return as(ingest)
                .queryParam("limit", 200)
                .get("/api/v1/projects/" + slug + "/runs")
                .then()
                .statusCode(200)
                .extract()
                .path("runs.find { it.commit == '" + commit + "' }.id");
    }

    private String url(String path) {
        return server.toString().replaceAll("/$", "") + path;
    }

    private boolean canvasHasInk(WebElement canvas) {
        Object inked = browser.driver.executeScript("""
                const c = arguments[0]; const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
                let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } } return n;""", canvas);
        return ((Number) inked).longValue() > 500;
    }

    @Test
    void theProjectShowsTrendsReleasesAndRegressionsWithNamesAsText() throws Exception {
        browser.driver.get(url("/projects/" + slug));
        browser.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".chart canvas"), 1));
        browser.wait.until(d -> d.findElements(By.cssSelector(".chart-box")).size() >= 2);
        List<WebElement> canvases = browser.driver.findElements(By.cssSelector(".chart canvas"));
        assertThat(canvases).allMatch(this::canvasHasInk);
        WebElement sizes = browser.driver.findElement(By.id("sizes"));
        assertThat(sizes.findElement(By.cssSelector("h3")).getText())
                .isEqualTo("app · release · x86_64-unknown-linux-gnu");
        // Releases and build changes are listed once for the page, not under every chart.
        assertThat(browser.driver
                        .findElement(By.cssSelector("#releases .release"))
                        .getText())
                .isEqualTo("v1.0.0");
        assertThat(browser.driver.findElement(By.cssSelector("#build-changes")).getText())
                .contains("opt-level: z → 3");
        assertThat(browser.driver.findElements(By.cssSelector(".chart-box .annotations, .chart-box .release")))
                .isEmpty();
        assertThat(sizes.findElement(By.cssSelector(".regressions")).getText())
                .contains("Regression (open)")
                .contains(sha(9).substring(0, 10));
        WebElement runtimes = browser.driver.findElement(By.id("runtimes"));
        assertThat(runtimes.findElement(By.cssSelector("h3")).getText()).startsWith(XSS);
        assertThat(browser.driver.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(browser.driver.executeScript("return window.__xss === undefined"))
                .isEqualTo(true);
        WebElement mainTrend = runtimes.findElement(By.cssSelector(".chart-box"));
        mainTrend.findElement(By.cssSelector("details.points summary")).click();
        browser.wait.until(d ->
                mainTrend.findElements(By.cssSelector("table.points tbody tr")).size() == 14);
        assertThat(mainTrend
                        .findElement(By.cssSelector("table.points tbody tr td:last-child"))
                        .getText())
                .contains("<script>window.__xss=2</script>");
        browser.screenshot("project");
    }

    @Test
    void aChartPointOpensItsRunWithTheComparison() throws Exception {
        browser.driver.get(url("/projects/" + slug));
        WebElement over =
                browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sizes .u-over")));
        browser.wait.until(d -> canvasHasInk(d.findElement(By.cssSelector("#sizes .chart canvas"))));
        int width = over.getSize().getWidth();
        new Actions(browser.driver)
                .moveToElement(over, width / 2 - 2, 0)
                .pause(200)
                .perform();
        WebElement tip = browser.driver.findElement(By.cssSelector("#sizes .tip"));
        browser.wait.until(ExpectedConditions.visibilityOf(tip));
        assertThat(tip.getText())
                .contains("390.6 KiB")
                .contains("400,000 bytes")
                .contains(sha(14).substring(0, 10));
        new Actions(browser.driver).click().perform();
        browser.wait.until(ExpectedConditions.urlMatches("/projects/" + slug + "/runs/\\d+$"));
        browser.wait.until(
                d -> !d.findElements(By.cssSelector("#verdicts tbody tr")).isEmpty());
        assertThat(browser.driver.findElement(By.id("baseline")).getText()).contains("release v1.0.0");
        assertThat(browser.driver.findElement(By.id("matrix-link")).getDomAttribute("href"))
                .endsWith("/commits/" + sha(14) + "/matrix");
        assertThat(browser.driver.findElement(By.id("profile")).getText())
                .contains("opt-level")
                .contains("upload");
        assertThat(browser.driver.findElement(By.cssSelector("#verdicts tbody")).getText())
                .contains("regressed")
                .contains("390.6 KiB (400,000 B)") // the API's text, as the Markdown shows it: exact bytes
                .contains("opt-level: z → 3: .text +48.8 KiB (+50,000 B), regex +39.1 KiB (+40,000 B)");
        assertThat(browser.driver.findElement(By.id("composition")).getText())
                .contains("crate:regex")
                .contains("+39.1 KiB");
        assertThat(browser.driver.findElement(By.id("changes")).getText())
                .contains("opt-level")
                .contains("z")
                .contains("3");
        browser.screenshot("run");
    }

    @Test
    void anAlertIsTriagedByItsButtonWithAToken() throws Exception {
        browser.driver.get(url("/projects/" + slug + "/alerts"));
        WebElement row = browser.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts tbody tr[data-alert]")));
        // Grouped by culprit commit, with its age; the filter is in the address.
        assertThat(browser.driver
                        .findElement(By.cssSelector("#alerts tbody tr.group"))
                        .getText())
                .contains("commit " + sha(9).substring(0, 10))
                .contains("1 regression");
        assertThat(browser.driver.getCurrentUrl()).contains("status=open").contains("direction=regression");
        assertThat(row.findElements(By.cssSelector("button[data-to=open]"))).isEmpty();
        String id = row.getDomAttribute("data-alert");
        assertThat(row.getText())
                .contains("app")
                .contains("(400,000 B)") // exact bytes, as the API shows them
                .contains("after release v1.0.0")
                .contains("compare with the release");
        row.findElement(By.cssSelector("button[data-to=acknowledged]")).click();
        WebElement tokenInput = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
        tokenInput.sendKeys(ingest);
        browser.driver.findElement(By.cssSelector("#token-form button")).click();
        row = browser.wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#alerts tbody tr[data-alert='" + id + "']")));
        row.findElement(By.cssSelector(".buttons input")).sendKeys("bisecting");
        row.findElement(By.cssSelector("button[data-to=acknowledged]")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "acknowledged"));
        // Who triaged it, when, with the note: from the audit trail.
        assertThat(row.findElement(By.cssSelector(".state")).getText())
                .contains("acknowledged by test ingest")
                .contains("UTC")
                .contains("bisecting");
        // An acknowledged alert offers the other moves, not "Acknowledge" again.
        assertThat(row.findElements(By.cssSelector("button[data-to=acknowledged]")))
                .isEmpty();
        as(ingest)
                .get("/api/v1/projects/" + slug + "/alerts")
                .then()
                .body("find { it.id == " + id + " }.status", equalTo("acknowledged"))
                .body("find { it.id == " + id + " }.note", equalTo("bisecting"));
        browser.screenshot("alerts");
        browser.driver.executeScript("sessionStorage.clear()");
    }

    @Test
    void aPrivateProjectAsksForATokenAndKeepsItForTheSession() throws Exception {
        String secret = project("hidden", false);
        String reader = token(secret, "read");
        as(token(secret, "ingest"))
                .body("""
                {"commit": "%s", "branch": "main", "measurements": [{"kind": "size", "name": "secret-bin", "value": 1234}]}
                """.formatted(sha(1)))
                .post("/api/v1/projects/" + secret + "/runs")
                .then()
                .statusCode(201);
        browser.driver.get(url("/projects/" + secret));
        WebElement tokenInput = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-input")));
        // A private project and a mistyped one get the same words: nothing says which it is.
        assertThat(browser.driver.findElement(By.id("auth-reason")).getText()).startsWith("Not found, or private");
        tokenInput.sendKeys(reader);
        browser.driver.findElement(By.cssSelector("#token-form button")).click();
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sizes .chart canvas")));
        assertThat(browser.driver.findElement(By.cssSelector("#sizes h3")).getText())
                .startsWith("secret-bin");
        browser.driver.get(url("/projects/" + secret + "/alerts"));
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "No open alerts"));
        browser.driver.executeScript("sessionStorage.clear()");
    }

    @Test
    void theChartsTextAlternativeWorksFromTheKeyboard() {
        browser.driver.get(url("/projects/" + slug));
        WebElement summary = browser.wait.until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#sizes details.points summary")));
        browser.driver.executeScript("arguments[0].focus()", summary);
        new Actions(browser.driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        WebElement firstRunLink = browser.wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#sizes table.points tbody tr a")));
        new Actions(browser.driver).sendKeys(org.openqa.selenium.Keys.TAB).perform();
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(firstRunLink);
        new Actions(browser.driver).sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        browser.wait.until(ExpectedConditions.urlMatches("/projects/" + slug + "/runs/\\d+$"));
    }

    @Test
    void anyTwoRunsAreComparedSideBySideFromTheRunPage() throws Exception {
        browser.driver.get(url("/projects/" + slug + "/compare?base=v1.0.0&head=" + runOf(sha(13))));
        browser.wait.until(
                d -> !d.findElements(By.cssSelector("#verdicts tbody tr")).isEmpty());
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#verdicts tbody tr"));
        assertThat(rows.get(0).getText()).contains("regressed").contains("app").contains("+97.7 KiB (+99,999 B)");
        assertThat(browser.driver.findElement(By.id("sides")).getText())
                .contains("release v1.0.0")
                .contains(sha(13).substring(0, 10));
        assertThat(browser.driver.findElement(By.id("differences")).getText()).contains("opt-level");

        // The filter lives in the address, so the view can be shared.
        WebElement name = browser.driver.findElement(By.id("name"));
        name.sendKeys("app");
        name.submit();
        browser.wait.until(ExpectedConditions.urlContains("name=app"));
        browser.wait.until(
                d -> d.findElements(By.cssSelector("#verdicts tbody tr")).size() == 1);
        browser.screenshot("compare");

        browser.driver.get(url("/projects/" + slug + "/runs/" + runOf(sha(13))));
        browser.wait
                .until(ExpectedConditions.elementToBeClickable(By.id("compare-link")))
                .click();
        browser.wait.until(ExpectedConditions.urlMatches("/compare\\?base=\\d+&head=\\d+$"));
        browser.wait.until(
                d -> !d.findElements(By.cssSelector("#verdicts tbody tr")).isEmpty());
    }

    @Test
    void axesReadAsRoundBinarySizesAndOutliersDoNotFlattenACurve() {
        browser.driver.get(url("/projects/" + slug));
        browser.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".chart canvas"), 1));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        assertThat(js.executeScript("return Regtrack.axisLabels([294912, 311296, 327680], 'bytes')"))
                .isEqualTo(List.of("288 KiB", "304 KiB", "320 KiB"));
        // A narrow range gets the decimals it needs: no label repeats.
        assertThat(js.executeScript("return Regtrack.axisLabels([300000, 300064, 300128], 'bytes')"))
                .isEqualTo(List.of("292.97 KiB", "293.03 KiB", "293.09 KiB"));
        assertThat(js.executeScript("return Regtrack.axisLabels([0.0005, 0.001, 0.0015], 'seconds')"))
                .isEqualTo(List.of("0.5 ms", "1.0 ms", "1.5 ms"));
        // A logarithmic axis leaves some ticks unlabelled; they stay blank, not "0 KiB".
        assertThat(js.executeScript("return Regtrack.axisLabels([300000, null, 500000, 1000000], 'bytes')"))
                .isEqualTo(List.of("293 KiB", "", "488 KiB", "977 KiB"));
        assertThat(js.executeScript("return Regtrack.BINARY_STEPS.slice(10, 13)"))
                .isEqualTo(List.of(1024L, 2048L, 4096L));
        @SuppressWarnings("unchecked")
        Map<String, Object> range = (Map<String, Object>) js.executeScript(
                "const v = Array.from({length: 200}, (_, i) => 1000 + (i % 7)); v[50] = 90000; v[120] = 5;"
                        + " return Regtrack.robustRange(v)");
        assertThat(range.get("outside")).isEqualTo(2L);
        assertThat(((Number) range.get("max")).doubleValue()).isLessThan(1100);
        assertThat(js.executeScript("return Regtrack.robustRange(Array.from({length: 50}, (_, i) => 1000 + i))"))
                .isNull();
    }

    @Test
    void theViewLivesInTheAddressAndOneZoomMovesEveryChart() throws Exception {
        browser.driver.get(url("/projects/" + slug));
        browser.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".chart canvas"), 1));
        browser.wait.until(ExpectedConditions.textToBe(By.id("status"), ""));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;
        String xRanges = "return Array.from(document.querySelectorAll('.chart')).length";
        assertThat(((Number) js.executeScript(xRanges)).intValue()).isGreaterThan(1);

        // Drag across the first chart: every chart shows the same window, and the address keeps it.
        WebElement over = browser.driver.findElement(By.cssSelector(".chart .u-over"));
        new Actions(browser.driver)
                .moveToElement(over, -over.getSize().width / 4, 0)
                .clickAndHold()
                .moveByOffset(over.getSize().width / 3, 0)
                .release()
                .perform();
        browser.wait.until(ExpectedConditions.urlContains("from="));
        assertThat(browser.driver.getCurrentUrl()).contains("to=");
        List<String> windows = browser.driver.findElements(By.cssSelector(".chart")).stream()
                .map(c -> c.getDomAttribute("data-window"))
                .toList();
        assertThat(windows).doesNotContainNull().hasSizeGreaterThan(1);
        assertThat(windows.stream().distinct()).hasSize(1);
        String url = browser.driver.getCurrentUrl();

        // The same address opens the same view.
        browser.driver.get(url);
        browser.wait.until(ExpectedConditions.textToBe(By.id("status"), ""));
        browser.driver.findElement(By.id("reset-zoom")).click();
        browser.wait.until(d -> !d.getCurrentUrl().contains("from="));

        // Find hides the charts of other names, and is kept in the address.
        browser.driver.findElement(By.id("find")).sendKeys("app");
        browser.wait.until(ExpectedConditions.urlContains("find=app"));
        List<WebElement> slots = browser.driver.findElements(By.cssSelector(".slot"));
        assertThat(slots.stream().filter(WebElement::isDisplayed).map(e -> e.getDomAttribute("data-name")))
                .isNotEmpty()
                .allMatch(name -> name.contains("app"));
        new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("range"))).selectByValue("90");
        browser.wait.until(ExpectedConditions.urlContains("range=90"));
        browser.screenshot("project-view");
    }

    @Test
    void aPageOfManySeriesDrawsWhatIsSeenFirst() throws Exception {
        String many = project("many", true);
        StringBuilder measurements = new StringBuilder();
        for (int i = 0; i < 24; i++) {
            measurements
                    .append(i == 0 ? "" : ",")
                    .append("{\"kind\": \"runtime\", \"name\": \"bench_")
                    .append(i)
                    .append("\", \"value\": 0.")
                    .append(100 + i)
                    .append('}');
        }
        for (int n = 1; n <= 3; n++) {
            as(token(many, "ingest"))
                    .body("{\"commit\": \"" + sha(n) + "\", \"branch\": \"main\", \"measurements\": [" + measurements
                            + "]}")
                    .post("/api/v1/projects/" + many + "/runs")
                    .then()
                    .statusCode(201);
        }
        browser.driver.get(url("/projects/" + many));
        browser.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".chart canvas"), 1));
        browser.wait.until(ExpectedConditions.textToBe(By.id("status"), ""));
        assertThat(browser.driver.findElements(By.cssSelector(".slot"))).hasSize(24);
        assertThat(browser.driver.findElements(By.cssSelector(".chart")).size())
                .as("charts far below the screen are not drawn yet")
                .isLessThan(24);
        ((JavascriptExecutor) browser.driver).executeScript("window.scrollTo(0, document.body.scrollHeight)");
        browser.wait.until(d -> d.findElements(By.cssSelector(".chart")).size() > 6);
    }

    @Test
    void theProfileMatrixDrawsTheFrontier() throws Exception {
        browser.driver.get(url("/projects/" + slug + "/commits/" + sha(14) + "/matrix"));
        browser.wait.until(
                d -> d.findElements(By.cssSelector("#cells tbody tr")).size() == 3);
        assertThat(canvasHasInk(browser.driver.findElement(By.id("scatter")))).isTrue();
        assertThat(browser.driver.findElement(By.id("summary")).getText())
                .contains("min-size:")
                .contains("versus release");
        assertThat(browser.driver
                        .findElement(By.cssSelector("#cells tbody tr.pareto"))
                        .getText())
                .contains("min-size");
        browser.screenshot("matrix");
    }

    @Test
    void pagesFitAPhoneAndCarryAStrictContentSecurityPolicy() throws Exception {
        browser.size(390, 844);
        try {
            browser.driver.get(url("/projects/" + slug));
            browser.wait.until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".chart canvas"), 1));
            Object overflow =
                    browser.driver.executeScript("return document.documentElement.scrollWidth - window.innerWidth");
            assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(1);
            browser.screenshot("project-phone");

            // On a touch screen the first tap on a point shows its tooltip; a second tap opens its run.
            WebElement over = browser.driver.findElement(By.cssSelector(".chart .u-over"));
            String page = browser.driver.getCurrentUrl();
            tap(over);
            browser.wait.until(
                    d -> d.findElements(By.cssSelector(".chart .tip")).stream().anyMatch(WebElement::isDisplayed));
            assertThat(browser.driver.getCurrentUrl()).isEqualTo(page);
            tap(over);
            browser.wait.until(ExpectedConditions.urlMatches("/projects/" + slug + "/runs/\\d+$"));
        } finally {
            browser.size(1280, 1000);
        }
        given().get("/projects/" + slug)
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .body(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*<script src=\"/dashboard/project\\.js\\?v=[0-9a-f]{12}\"></script>.*"));
        given().urlEncodingEnabled(false)
                .get("/projects/%3Cb%3Ex")
                .then()
                .statusCode(200)
                .body(org.hamcrest.Matchers.not(containsString("<b>x")));
        browser.driver.get(url("/"));
        browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#projects li a")));
        assertThat(browser.driver.findElement(By.id("projects")).getText()).contains("dash");
    }
}
