package io.regtrack.dashboard;

import static io.regtrack.testing.Api.admin;
import static io.regtrack.testing.Api.as;
import static io.regtrack.testing.Api.project;
import static io.regtrack.testing.Api.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/** The settings page in a real headless Chromium: what an admin of the project does there, and what others never see. */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsBrowserTest {

    static final String HOOK = "https://203.0.113.10/regtrack-hook";

    @TestHTTPResource("/")
    URL server;

    Browser browser;
    String slug;

    @BeforeEach
    void start() {
        if (browser == null) { // rest-assured knows the test port only once a test runs
            browser = new Browser();
            slug = project("settings", true);
        }
    }

    @AfterAll
    void stop() {
        browser.close();
    }

    private String url(String path) {
        return server.toString().replaceFirst("/$", "") + path;
    }

    /** Opens a page with this token in the browser session (none: anonymous). */
    private void open(String path, String token) {
        browser.driver.get(url("/"));
        browser.driver.executeScript(
                token == null ? "sessionStorage.clear()" : "sessionStorage.setItem('regtrack-token', arguments[0])",
                token);
        browser.driver.get(url(path));
    }

    private WebElement visible(String id) {
        return browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    private void saysStatus(String text) {
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), text));
    }

    @Test
    void anAdminOfTheProjectManagesItsTokensThresholdsAndWebhooks() throws Exception {
        open("/projects/" + slug + "/settings", token(slug, "admin"));
        visible("settings");
        assertThat(browser.driver.findElement(By.id("denied")).isDisplayed()).isFalse();

        // A token: its text shown once, listed without it, then revoked.
        visible("new-token-name").sendKeys("ci-browser");
        new Select(browser.driver.findElement(By.id("new-token-scope"))).selectByValue("ingest");
        browser.driver.findElement(By.cssSelector("#token-create button")).click();
        String text = visible("new-token-text").getText();
        assertThat(text).matches("rgt_[0-9A-Za-z]{55}");
        saysStatus("is created");
        as(text).get("/api/v1/projects/" + slug).then().statusCode(200);
        WebElement row = browser.driver.findElement(By.xpath("//table[@id='tokens']//tr[td[1]='ci-browser']"));
        assertThat(row.getText()).contains("ingest").contains("live").doesNotContain(text);
        browser.screenshot("settings");
        open(
                "/projects/" + slug + "/settings",
                browser.driver
                        .executeScript("return sessionStorage.getItem('regtrack-token')")
                        .toString());
        visible("settings");
        assertThat(browser.driver.findElement(By.id("new-token")).isDisplayed()).isFalse();
        assertThat(browser.driver.getPageSource()).doesNotContain(text);
        browser.wait
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.xpath("//table[@id='tokens']//tr[td[1]='ci-browser']//button[@class='revoke']")))
                .click();
        saysStatus("is revoked");
        assertThat(browser.driver
                        .findElement(By.xpath("//table[@id='tokens']//tr[td[1]='ci-browser']"))
                        .getText())
                .contains("revoked");
        as(text).get("/api/v1/projects/" + slug).then().statusCode(401);

        // Thresholds.
        WebElement percent = visible("size-percent");
        browser.wait.until(d -> !percent.getDomProperty("value").isEmpty());
        percent.clear();
        percent.sendKeys("2.5");
        browser.driver.findElement(By.cssSelector("#thresholds-form button")).click();
        saysStatus("thresholds are saved");
        admin().get("/api/v1/projects/" + slug + "/thresholds").then().body("size.percent", equalTo(2.5f));

        // A webhook added, then removed.
        visible("webhook-url").sendKeys(HOOK);
        browser.driver.findElement(By.cssSelector("#webhook-form button")).click();
        saysStatus("webhook is added");
        WebElement hook = browser.driver.findElement(By.cssSelector("#webhooks tbody tr"));
        assertThat(hook.getText()).contains(HOOK).contains("alert.opened");
        admin().get("/api/v1/projects/" + slug + "/webhooks").then().body("[0].url", equalTo(HOOK));
        hook.findElement(By.cssSelector("button.remove")).click();
        saysStatus("is removed");
        admin().get("/api/v1/projects/" + slug + "/webhooks").then().body("size()", equalTo(0));

        // The danger zone acts only once the slug is typed.
        WebElement delete = browser.driver.findElement(By.id("delete-button"));
        assertThat(delete.isEnabled()).isFalse();
        browser.driver.findElement(By.id("delete-confirm")).sendKeys(slug);
        assertThat(delete.isEnabled()).isTrue();

        // The project page shows what was just done.
        browser.driver.get(url("/projects/" + slug));
        WebElement recent = visible("recent-changes");
        recent.findElement(By.tagName("summary")).click();
        assertThat(recent.getText())
                .contains("webhook.removed")
                .contains("webhook.added")
                .contains("thresholds.changed")
                .contains("token.revoked");
        assertThat(browser.driver.findElements(By.linkText("Settings"))).hasSize(1);

        // Deleting from the danger zone removes the project and leads to the list of projects.
        String gone = project("settings-gone", true);
        open("/projects/" + gone + "/settings", token(gone, "admin"));
        visible("settings");
        browser.driver.findElement(By.id("delete-confirm")).sendKeys(gone);
        browser.driver.findElement(By.id("delete-button")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().equals(url("/")));
        admin().get("/api/v1/projects/" + gone).then().statusCode(404);
        admin().get("/api/v1/audit?action=project.deleted")
                .then()
                .body(
                        "entries.find { it.subject == 'project %s' }".formatted(gone),
                        org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void aViewerWhoIsNotAnAdminSeesNoSettings() {
        for (String viewer : new String[] {null, token(slug, "read"), token(slug, "ingest")}) {
            open("/projects/" + slug + "/settings", viewer);
            visible("denied");
            browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Could not load"));
            assertThat(browser.driver.findElement(By.id("settings")).isDisplayed())
                    .isFalse();
            for (String control : List.of("token-create", "thresholds-form", "webhook-form", "delete-form")) {
                assertThat(browser.driver.findElement(By.id(control)).isDisplayed())
                        .as(control)
                        .isFalse();
            }
            open("/projects/" + slug, viewer);
            browser.wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#nav a")));
            assertThat(browser.driver.findElements(By.linkText("Settings")))
                    .as("a Settings link only for a session with a token")
                    .hasSize(viewer == null ? 0 : 1);
            assertThat(browser.driver.findElement(By.id("recent-changes")).isDisplayed())
                    .isFalse();
        }
    }
}
