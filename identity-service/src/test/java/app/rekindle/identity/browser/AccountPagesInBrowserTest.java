package app.rekindle.identity.browser;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.identity.accounts.ProviderUnderTest;
import app.rekindle.support.testing.Browser;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The provider's own pages in a real headless Chromium: sign up, sign out, sign in, a wrong password, a blocked
 * name — and no error in the console on any page (which would also show a refused stylesheet or script).
 */
class AccountPagesInBrowserTest extends ProviderUnderTest {

    private static final String PASSWORD = "seven swans a swimming";

    private static Browser browser;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowser() {
        Browser.assumeInstalled();
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void freshSession() {
        browser.driver.manage().deleteAllCookies();
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void pagesLoggedNoErrorsAndNoFailedRequests() {
        assertThat(browser.consoleErrors())
                .as("errors and failed requests in the page's console")
                .isEmpty();
    }

    @Test
    void a_person_signs_up_signs_out_and_signs_in_again() {
        String name = newName("Robin");
        open("/login");
        browser.driver.findElement(By.id("to-sign-up")).click();
        wait.until(ExpectedConditions.urlToBe(ISSUER + "/signup"));
        type("username", name);
        type("password", PASSWORD);
        type("password-again", PASSWORD);
        browser.screenshot("identity-sign-up");
        browser.driver.findElement(By.id("sign-up")).click();

        wait.until(ExpectedConditions.urlToBe(ISSUER + "/account"));
        assertThat(text("account-name")).isEqualTo(name);
        assertThat(browser.driver.findElement(By.id("to-passkeys")).getAttribute("href"))
                .isEqualTo(ISSUER + "/passkeys");
        browser.screenshot("identity-account");

        browser.driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlToBe(ISSUER + "/login?signed-out"));
        assertThat(text("signed-out")).isEqualTo("You are signed out.");

        signIn(name, PASSWORD);
        wait.until(ExpectedConditions.urlToBe(ISSUER + "/account"));
        assertThat(text("account-name")).isEqualTo(name);
    }

    @Test
    void a_wrong_password_and_an_unknown_name_get_the_same_generic_message() {
        String name = signedUp("Kim");

        signIn(name, "not the right pass phrase");
        String wrongPassword = failureShown();
        signIn(newName("nobody"), "not the right pass phrase");
        String unknownName = failureShown();

        assertThat(wrongPassword).isEqualTo(unknownName).isEqualTo(SIGN_IN_FAILED);
        assertThat(browser.driver.findElement(By.id("username")).getAttribute("autocomplete"))
                .isEqualTo("username webauthn");
        browser.screenshot("identity-sign-in-failed");
    }

    @Test
    void after_repeated_failures_even_the_right_password_gets_the_same_message() {
        String name = signedUp("Lee");
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            signIn(name, "not the right pass phrase");
            assertThat(failureShown()).isEqualTo(SIGN_IN_FAILED);
        }

        signIn(name, PASSWORD);

        assertThat(failureShown()).isEqualTo(SIGN_IN_FAILED);
    }

    private String signedUp(String prefix) {
        String name = newName(prefix);
        open("/signup");
        type("username", name);
        type("password", PASSWORD);
        type("password-again", PASSWORD);
        browser.driver.findElement(By.id("sign-up")).click();
        wait.until(ExpectedConditions.urlToBe(ISSUER + "/account"));
        browser.driver.findElement(By.id("sign-out")).click();
        wait.until(ExpectedConditions.urlToBe(ISSUER + "/login?signed-out"));
        return name;
    }

    private void signIn(String name, String password) {
        open("/login");
        type("username", name);
        type("password", password);
        browser.driver.findElement(By.id("sign-in")).click();
    }

    private String failureShown() {
        wait.until(ExpectedConditions.urlToBe(ISSUER + "/login?error"));
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-error")));
        return error.getText();
    }

    private void open(String path) {
        browser.driver.get(ISSUER + path);
    }

    private void type(String id, String value) {
        WebElement field = browser.driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    private static String text(String id) {
        return browser.driver.findElement(By.id(id)).getText();
    }
}
