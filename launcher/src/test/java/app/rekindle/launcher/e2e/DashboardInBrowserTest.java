package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.launcher.EmbeddedStack;
import app.rekindle.support.testing.Browser;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real headless Chromium against the real stack: a person signs in, reads a journal
 * seeded over HTTP, filters it, logs through the form, replays it, and someone else sees none of it. No
 * test may leave an error in the page's console, a failed request included: the page ships with the query
 * service and asks only what that service answers. Screenshots of the main states land in target/screenshots.
 */
class DashboardInBrowserTest {

    private static final String OWNER = "dana-dashboard";
    private static final int CHECK_INS = 22;
    private static final int SEEDED_ENTRIES = 5 + CHECK_INS;
    private static final String WALKER = "wes-walkthrough";

    private static EmbeddedStack stack;
    private static Browser browser;
    private static String journalId;
    private WebDriverWait wait;

    @BeforeAll
    static void startBrowserAndSeedAJournal() {
        Browser.assumeInstalled();
        stack = RunningStack.get();
        journalId = seedJournal();
        browser = Browser.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @AfterEach
    void pageLoggedNoErrorsAndNoFailedRequests() {
        assertThat(browser.consoleErrors())
                .as("errors and failed requests in the page's console")
                .isEmpty();
    }

    @Test
    void a_whole_visit_from_sign_in_to_a_live_update_logs_no_error_and_no_failed_request() {
        Http writes = new Http(stack.commandUrl(), Http.tokenFor(stack, WALKER));
        String first = seedSmallJournal(writes, "Robin");
        String second = seedSmallJournal(writes, "Kit");
        signInAs(WALKER);
        waitFor()
                .until(d -> browser.driver
                                        .findElements(By.cssSelector(".journal-card"))
                                        .size()
                                == 2
                        && browser.driver.getCurrentUrl().contains("#journal="));
        String other = browser.driver.getCurrentUrl().endsWith("#journal=" + first) ? second : first;

        browser.driver
                .findElement(By.cssSelector(".journal-card[data-journal-id='" + other + "']"))
                .click();
        waitFor()
                .until(d -> browser.driver.getCurrentUrl().endsWith("#journal=" + other)
                        && entries().size() == 1);
        WebElement slider = browser.driver.findElement(By.id("replay"));
        assertThat(slider.isEnabled()).isTrue();
        ((JavascriptExecutor) browser.driver)
                .executeScript("arguments[0].value = 0; arguments[0].dispatchEvent(new Event('input'));", slider);
        waitFor().until(d -> entries().isEmpty());
        browser.driver.findElement(By.id("replay-now")).click();
        waitFor().until(d -> entries().size() == 1);
        WebElement form = browser.driver.findElement(By.id("quick-log"));
        form.findElement(By.id("c-topic")).sendKeys("Whose turn it is to cook");
        form.findElement(By.cssSelector("button[type='submit']")).click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("log-status"), "on your timeline"));
        waitFor().until(d -> "live"
                .equals(browser.driver.findElement(By.id("live-status")).getAttribute("data-state")));
        writes.post(
                "/journals/" + other + "/check-ins", "{\"mood\":4,\"connection\":4,\"note\":\"Sent from the phone\"}");
        waitFor()
                .until(d -> entries().stream().anyMatch(entry -> entry.getText().contains("Sent from the phone")));

        assertThat(browser.consoleErrors())
                .as("errors and failed requests in the page's console")
                .isEmpty();
    }

    @Test
    void the_owner_signs_in_and_sees_progress_and_the_whole_timeline_page_by_page() {
        openSignedOut();
        // The stack runs in demo mode: the page says so, and offers the provider's sign-in beside the name-only one.
        assertThat(browser.driver.findElement(By.id("demo-strip")).isDisplayed())
                .isTrue();
        assertThat(browser.driver.findElement(By.id("sign-in-at-provider")).isDisplayed())
                .isTrue();
        browser.screenshot("01-sign-in");

        signInAs(OWNER);

        WebElement firstStep = waitFor()
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#progress li.step[data-step='reflect-on-the-past']")));
        assertThat(firstStep.getAttribute("data-status")).isEqualTo("COMPLETED");
        assertThat(firstStep.getText()).contains("Completed").contains("1 entry");
        // The quick-log test may have added a conversation already.
        assertThat(step("communicate-openly").getText()).contains("In progress").containsPattern("[12] entr");
        assertThat(step("rekindle-romance").getText()).contains("Not started").contains("0 entries");
        assertThat(browser.driver.findElement(By.id("journal-title")).getText()).isEqualTo("With Sam");
        waitFor().until(d -> entries().size() == 20);
        assertThat(browser.driver.findElement(By.id("timeline-more")).isDisplayed())
                .isTrue();
        browser.screenshot("02-journal-top");

        scrollTo(browser.driver.findElement(By.id("timeline-more")));

        int all = entryCount();
        assertThat(all).isGreaterThanOrEqualTo(SEEDED_ENTRIES);
        waitFor().until(d -> entries().size() == all);
        assertThat(browser.driver.findElement(By.id("timeline-more")).isDisplayed())
                .isFalse();
        assertThat(browser.driver.findElement(By.id("timeline-status")).getText())
                .contains(all + " entries shown");
        fullPageScreenshot("03-journal-whole-page");
    }

    @Test
    void the_timeline_filters_by_kind_and_text_and_shows_an_amended_entrys_history() {
        signInAs(OWNER);
        waitFor().until(d -> entries().size() >= 20);

        new Select(browser.driver.findElement(By.id("filter-kind"))).selectByValue("CONVERSATION");

        waitFor()
                .until(d -> !entries().isEmpty()
                        && entries().stream()
                                .allMatch(entry -> "CONVERSATION".equals(entry.getAttribute("data-kind"))));
        WebElement conversation = entries().stream()
                .filter(entry -> entry.getText().contains("How we spend our evenings"))
                .findFirst()
                .orElseThrow();
        assertThat(conversation.getText()).contains("amended").containsPattern("Felt heard\\s+4");
        conversation.findElement(By.cssSelector("button.link")).click();
        waitFor()
                .until(d -> conversation
                                .findElements(By.cssSelector(".revisions li"))
                                .size()
                        == 2);
        assertThat(conversation.findElement(By.cssSelector(".revisions")).getText())
                .contains("As first logged")
                .contains("Felt heard: 3")
                .contains("Revision 2")
                .contains("Felt heard: 4")
                .contains("Thought about it again");
        scrollTo(conversation);
        browser.screenshot("04-filtered-with-history");

        new Select(browser.driver.findElement(By.id("filter-kind"))).selectByValue("");
        browser.driver.findElement(By.id("filter-q")).sendKeys("dice");

        waitFor()
                .until(d -> entries().size() == 1
                        && "ACTIVITY".equals(entries().getFirst().getAttribute("data-kind")));
        assertThat(entries().getFirst().getText()).contains("Board games");
    }

    @Test
    void a_conversation_logged_through_the_form_appears_on_the_timeline() {
        signInAs(OWNER);
        waitFor().until(d -> !entries().isEmpty());
        WebElement form = browser.driver.findElement(By.id("quick-log"));
        form.findElement(By.cssSelector("input[value='conversation']")).click();
        form.findElement(By.id("c-topic")).sendKeys("Planning the holidays <together>");
        new Select(form.findElement(By.id("c-outcome"))).selectByValue("RESOLVED");
        form.findElement(By.id("c-notes")).sendKeys("We agreed on two quiet days at home");

        form.findElement(By.cssSelector("button[type='submit']")).click();

        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("log-status"), "on your timeline"));
        // A live update may redraw the list meanwhile; the wait re-reads it until the newest entry is this one.
        waitFor()
                .until(d -> "CONVERSATION".equals(entries().getFirst().getAttribute("data-kind"))
                        && "Planning the holidays <together>"
                                .equals(entries()
                                        .getFirst()
                                        .findElement(By.className("entry-text"))
                                        .getText()));
        // Typed markup stays text: textContent, never innerHTML.
        assertThat(browser.driver.findElements(By.cssSelector("#timeline-list together")))
                .isEmpty();
        waitFor().until(d -> step("communicate-openly").getText().contains("2 entries"));
        scrollTo(form);
        browser.screenshot("05-quick-logged");
    }

    @Test
    void the_replay_slider_goes_back_to_the_day_the_journal_was_opened() {
        signInAs(OWNER);
        WebElement slider = waitFor().until(ExpectedConditions.elementToBeClickable(By.id("replay")));
        waitFor()
                .until(d ->
                        step("reflect-on-the-past").getAttribute("data-status").equals("COMPLETED"));

        ((JavascriptExecutor) browser.driver)
                .executeScript("arguments[0].value = 0; arguments[0].dispatchEvent(new Event('input'));", slider);

        waitFor().until(d -> "NOT_STARTED".equals(step("reflect-on-the-past").getAttribute("data-status")));
        waitFor().until(d -> entries().isEmpty());
        assertThat(browser.driver.findElement(By.id("journal")).getAttribute("class"))
                .contains("replaying");
        assertThat(browser.driver.findElement(By.id("timeline-status")).getText())
                .contains("Nothing logged yet");
        fullPageScreenshot("06-replay-at-opening");

        browser.driver.findElement(By.id("replay-now")).click();

        waitFor().until(d -> "COMPLETED".equals(step("reflect-on-the-past").getAttribute("data-status")));
    }

    @Test
    void an_entry_written_elsewhere_appears_without_reloading() {
        signInAs(OWNER);
        waitFor().until(d -> !entries().isEmpty());
        WebElement live = browser.driver.findElement(By.id("live-status"));
        waitFor().until(d -> "live".equals(live.getAttribute("data-state")));
        assertThat(live.getText()).isEqualTo("Live");

        new Http(stack.commandUrl(), Http.tokenFor(stack, OWNER))
                .post(
                        "/journals/" + journalId + "/check-ins",
                        "{\"mood\":5,\"connection\":5,\"note\":\"Written on the phone\"}");

        waitFor()
                .until(d -> entries().stream().anyMatch(entry -> entry.getText().contains("Written on the phone")));
    }

    @Test
    void someone_else_signs_in_and_sees_none_of_the_journal() {
        signInAs("erin-elsewhere");

        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("journal-list"), "no journals yet"));
        browser.driver.get(stack.dashboardUrl() + "#journal=" + journalId);
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("journal-list"), "no journals yet"));

        assertThat(browser.driver.findElements(By.cssSelector(".journal-card"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("journal")).isDisplayed()).isFalse();
        assertThat(browser.driver.getPageSource()).doesNotContain("Find our way back");
        Object status = ((JavascriptExecutor) browser.driver).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/journals/' + arguments[0] + '/timeline',
                      { headers: { Authorization: 'Bearer ' + sessionStorage.getItem('rekindle.token') } })
                  .then(r => done(r.status), e => done(String(e)));""", journalId);
        assertThat(status).isEqualTo(404L);
        // That refused read is the test's own, and the only failed request the console holds.
        assertThat(browser.consoleErrors())
                .singleElement()
                .asString()
                .contains("/journals/" + journalId + "/timeline")
                .contains("404");
        browser.screenshot("07-someone-else");
    }

    @Test
    void signing_out_forgets_the_token_and_the_page_keeps_nothing_in_local_storage() {
        signInAs(OWNER);
        waitFor().until(d -> !entries().isEmpty());

        browser.driver.findElement(By.id("sign-out")).click();

        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        JavascriptExecutor js = browser.driver;
        assertThat(js.executeScript("return sessionStorage.length")).isEqualTo(0L);
        assertThat(js.executeScript("return localStorage.length")).isEqualTo(0L);
        assertThat(browser.driver.findElement(By.id("journal")).isDisplayed()).isFalse();
        assertThat(entries()).isEmpty();
        assertThat(browser.driver.getPageSource())
                .doesNotContain("Find our way back")
                .doesNotContain("Evening check-in");
    }

    @Test
    void a_pasted_bearer_token_signs_in_as_its_subject() {
        openSignedOut();
        browser.driver.findElement(By.cssSelector("#token-signin summary")).click();
        browser.driver.findElement(By.id("token")).sendKeys("Bearer " + Http.tokenFor(stack, OWNER));

        browser.driver
                .findElement(By.cssSelector("#token-form button[type='submit']"))
                .click();

        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("who-name"), OWNER));
        waitFor().until(d -> !entries().isEmpty());
    }

    @Test
    void the_page_reads_well_at_phone_width() {
        browser.size(390, 844);
        try {
            signInAs(OWNER);
            waitFor().until(d -> entries().size() >= 20);
            Number overflow = (Number) ((JavascriptExecutor) browser.driver)
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            assertThat(overflow.intValue()).as("horizontal overflow in px").isLessThanOrEqualTo(0);
            fullPageScreenshot("08-phone");
        } finally {
            browser.size(1280, 900);
        }
    }

    /** The tests share one browser tab: each starts from a signed-out page. */
    private void openSignedOut() {
        // The token goes before the page loads again, or the load would open the journal and its stream once more.
        if (browser.driver.getCurrentUrl().startsWith(stack.dashboardUrl().toString())) {
            browser.driver.executeScript("sessionStorage.clear()");
        }
        browser.driver.get(stack.dashboardUrl().toString());
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
    }

    private void signInAs(String username) {
        openSignedOut();
        browser.driver.findElement(By.id("username")).sendKeys(username);
        browser.driver
                .findElement(By.cssSelector("#demo-signin button[type='submit']"))
                .click();
        waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("who-name"), username));
    }

    /** How many entries the journal has now, read over HTTP (other tests of this class may have added one). */
    private static int entryCount() {
        return new Http(stack.queryUrl(), Http.tokenFor(stack, OWNER))
                .get("/journals/" + journalId)
                .body()
                .get("entryCount")
                .asInt();
    }

    private WebDriverWait waitFor() {
        if (wait == null) {
            // The timeline replaces its items when a page arrives; a wait may hold one that was just replaced.
            wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
            wait.ignoring(StaleElementReferenceException.class);
        }
        return wait;
    }

    private static List<WebElement> entries() {
        return browser.driver.findElements(By.cssSelector("#timeline-list > li.entry"));
    }

    private static WebElement step(String slug) {
        return browser.driver.findElement(By.cssSelector("#progress li.step[data-step='" + slug + "']"));
    }

    private static void scrollTo(WebElement element) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    /** The whole page in one picture: the window grows to the page's height for the shot. */
    private static void fullPageScreenshot(String name) {
        var size = browser.driver.manage().window().getSize();
        Number height = (Number)
                ((JavascriptExecutor) browser.driver).executeScript("return document.documentElement.scrollHeight");
        browser.size(size.getWidth(), Math.min(height.intValue() + 140, 7000));
        browser.screenshot(name);
        browser.size(size.getWidth(), size.getHeight());
    }

    /** A journal with one check-in, readable when this returns; answers its id. */
    private static String seedSmallJournal(Http writes, String partner) {
        String id = writes.post(
                        "/journals",
                        "{\"partnerName\":\"%s\",\"intention\":\"Talk more\",\"timezone\":\"UTC\"}".formatted(partner))
                .body()
                .get("journalId")
                .asText();
        long version = writes.post(
                        "/journals/" + id + "/check-ins",
                        "{\"mood\":3,\"connection\":3,\"note\":\"Started with %s\"}".formatted(partner))
                .body()
                .get("version")
                .asLong();
        Http reads = new Http(stack.queryUrl(), writes.token());
        assertThat(reads.get("/journals/" + id + "/progress?minVersion=" + version)
                        .status())
                .isEqualTo(200);
        return id;
    }

    /** A week and a half of journaling, written over HTTP as a client app would. */
    private static String seedJournal() {
        Http writes = new Http(stack.commandUrl(), Http.tokenFor(stack, OWNER));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        String id = writes.post(
                        "/journals",
                        "{\"partnerName\":\"Sam\",\"intention\":\"Find our way back to each other\",\"timezone\":\"UTC\"}")
                .body()
                .get("journalId")
                .asText();
        String journal = "/journals/" + id;
        writes.post(journal + "/reflections", """
                {"occurredOn":"%s","text":"We stopped talking about anything but logistics",
                 "myPart":"I withdrew when work got hard","lesson":"Say it early"}""".formatted(
                        LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(10)));
        writes.post(journal + "/steps/reflect-on-the-past/completion", "{\"summary\":\"I see my part now\"}");
        String conversation = writes.post(journal + "/conversations", """
                {"occurredAt":"%s","topic":"How we spend our evenings","initiatedBy":"ME","minutes":40,
                 "feltHeard":3,"listenedWell":4,"outcome":"PARTLY_RESOLVED","notes":"Calmer than expected"}""".formatted(now.minus(9, ChronoUnit.DAYS)))
                .body()
                .get("entryId")
                .asText();
        writes.post(
                journal + "/entries/" + conversation + "/amendment",
                "{\"changes\":{\"feltHeard\":4},\"reason\":\"Thought about it again\"}");
        writes.post(journal + "/gestures", """
                {"occurredAt":"%s","kind":"ASKED_ABOUT_DAY","description":"Asked how the pitch went"}""".formatted(now.minus(8, ChronoUnit.DAYS)));
        writes.post(journal + "/personal-time", """
                {"occurredAt":"%s","whose":"PARTNERS","pursuit":"Climbing","minutes":150}""".formatted(now.minus(7, ChronoUnit.DAYS)));
        writes.post(journal + "/activities", """
                {"occurredAt":"%s","activity":"Board games","laughedTogether":true,"newMemory":"The dice tower"}""".formatted(now.minus(6, ChronoUnit.DAYS)));
        long version = 0;
        for (int i = 0; i < CHECK_INS; i++) {
            Http.Answer checkIn = writes.post(journal + "/check-ins", """
                    {"mood":%d,"connection":%d,"note":"Evening check-in %d","occurredAt":"%s"}""".formatted(
                            2 + i % 4,
                            1 + (i / 5) % 5,
                            i + 1,
                            now.minus(CHECK_INS - i, ChronoUnit.HOURS).minus(5, ChronoUnit.DAYS)));
            assertThat(checkIn.status()).isEqualTo(201);
            version = checkIn.body().get("version").asLong();
        }
        Http reads = new Http(stack.queryUrl(), Http.tokenFor(stack, OWNER));
        assertThat(reads.get(journal + "/progress?minVersion=" + version).status())
                .isEqualTo(200);
        return id;
    }
}
