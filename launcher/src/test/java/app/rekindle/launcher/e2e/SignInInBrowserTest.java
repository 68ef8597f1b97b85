package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.launcher.EmbeddedStack;
import app.rekindle.launcher.LauncherConfig;
import app.rekindle.launcher.ServiceJars;
import app.rekindle.support.testing.Browser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Real sign-in, in a real headless Chromium against a fresh stack that is not in demo mode, as a new person meets
 * it: the dashboard's "Sign in" button leads to the stack's own provider, where they open an account and come
 * straight back signed in (authorization code with PKCE); the dashboard works as it always has, and signing out
 * revokes the refresh token the page held — checked over HTTP against the token endpoint. No step leaves an error
 * in the page's console.
 */
class SignInInBrowserTest {

    private static final String NAME = "Robin";
    private static final String PASSWORD = "a long enough pass phrase";
    private static final String CLIENT = "rekindle-dashboard";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dataDir;

    private static EmbeddedStack stack;
    private static Browser browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startAStackWithoutDemoModeAndABrowser() {
        Browser.assumeInstalled();
        stack = EmbeddedStack.start(LauncherConfig.onFreePorts(
                dataDir, "rekindle.journal-events", 1, "384m", ServiceJars.locate(System.getProperties()), false));
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowserAndStack() {
        if (browser != null) {
            browser.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void pageLoggedNoErrorsAndNoFailedRequests() {
        assertThat(browser.consoleErrors())
                .as("errors and failed requests in the page's console")
                .isEmpty();
    }

    @Test
    void a_new_person_opens_an_account_from_the_dashboard_journals_as_before_and_signing_out_revokes_the_refresh_token()
            throws Exception {
        browser.driver.get(stack.dashboardUrl().toString());
        WebElement signIn = waitFor().until(ExpectedConditions.elementToBeClickable(By.id("sign-in-at-provider")));
        assertThat(browser.driver.findElement(By.id("demo-strip")).isDisplayed())
                .isFalse();
        assertThat(browser.driver.findElement(By.id("demo-signin")).isDisplayed())
                .isFalse();
        browser.screenshot("11-sign-in-at-provider");

        signIn.click();
        openAnAccountFromTheProvidersSignInPage(NAME, PASSWORD);

        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("who-name"), NAME));
        // Back on the dashboard with the code and state gone from the address.
        assertThat(browser.driver.getCurrentUrl())
                .isEqualTo(stack.dashboardUrl().toString());
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("journal-list"), "no journals yet"));

        // A client app of the same person opens a journal with the token the page holds; the page then shows it
        // after a reload, the session kept in this tab.
        String accessToken = pageSession().get("access_token").asText();
        Http.Answer opened = new Http(stack.commandUrl(), accessToken)
                .post("/journals", "{\"partnerName\":\"Sam\",\"intention\":\"Talk more\",\"timezone\":\"UTC\"}");
        assertThat(opened.status()).isEqualTo(201);
        // Readable before the page asks: the query service has seen the opening.
        assertThat(new Http(stack.queryUrl(), accessToken)
                        .get("/journals/" + opened.body().get("journalId").asText() + "/progress?minVersion="
                                + opened.body().get("version").asLong())
                        .status())
                .isEqualTo(200);
        browser.driver.navigate().refresh();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("journal-title"), "With Sam"));
        assertThat(browser.driver.findElement(By.id("who-name")).getText()).isEqualTo(NAME);

        WebElement form = browser.driver.findElement(By.id("quick-log"));
        form.findElement(By.cssSelector("input[name='entryKind'][value='check-in']"))
                .click();
        form.findElement(By.id("k-note")).sendKeys("Signed in for real");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("log-status"), "on your timeline"));
        waitFor().until(d -> browser.driver.findElements(By.cssSelector("#timeline-list > li.entry")).stream()
                .anyMatch(entry -> entry.getText().contains("Signed in for real")));
        browser.screenshot("12-signed-in-at-provider");

        String refreshToken = pageSession().get("refresh_token").asText();
        assertThat(refreshToken).isNotBlank();
        // A mark on this page: it is gone once the tab has been to the provider's sign-out and back. Without it the
        // wait below could pass on this very page, before the sign-out redirect has even left.
        browser.driver.executeScript("window.beforeSignOut = true");
        browser.driver.findElement(By.id("sign-out")).click();

        // Out at the provider too, and back on the dashboard with nothing of the session left in the tab.
        waitFor()
                .until(d ->
                        Boolean.TRUE.equals(browser.driver.executeScript("return window.beforeSignOut === undefined"))
                                && stack.dashboardUrl().toString().equals(d.getCurrentUrl())
                                && d.findElement(By.id("sign-in-at-provider")).isDisplayed());
        assertThat(browser.driver.executeScript("return sessionStorage.length")).isEqualTo(0L);
        assertThat(browser.driver.executeScript("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.driver.getPageSource()).doesNotContain("Signed in for real");

        HttpResponse<String> refreshed = refresh(refreshToken);
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(400);
        assertThat(JSON.readTree(refreshed.body()).path("error").asText()).isEqualTo("invalid_grant");

        // The provider's own session ended with it: signing in again asks for the password.
        browser.driver.findElement(By.id("sign-in-at-provider")).click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        assertThat(browser.driver.getCurrentUrl())
                .startsWith(stack.identityUrl().toString());
    }

    private void openAnAccountFromTheProvidersSignInPage(String username, String password) {
        waitFor()
                .until(ExpectedConditions.elementToBeClickable(By.id("to-sign-up")))
                .click();
        WebElement again = waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("password-again")));
        assertThat(browser.driver.getCurrentUrl())
                .startsWith(stack.identityUrl().toString());
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver.findElement(By.id("password")).sendKeys(password);
        again.sendKeys(password);
        browser.screenshot("11b-open-an-account");
        browser.driver.findElement(By.id("sign-up")).click();
    }

    /** What oidc-client-ts keeps of the session in this tab: the tokens the page uses. */
    private JsonNode pageSession() throws Exception {
        Object stored = browser.driver.executeScript("""
                const key = Object.keys(sessionStorage).find((k) => k.startsWith('oidc.user:'));
                return key ? sessionStorage.getItem(key) : null;""");
        assertThat(stored).as("the provider session in sessionStorage").isNotNull();
        return JSON.readTree(stored.toString());
    }

    private static HttpResponse<String> refresh(String refreshToken) throws Exception {
        String form = "grant_type=refresh_token&client_id=" + CLIENT + "&refresh_token="
                + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(stack.identityUrl() + "/oauth2/token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    private WebDriverWait waitFor() {
        if (wait == null) {
            wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
            wait.ignoring(StaleElementReferenceException.class);
        }
        return wait;
    }
}
