package app.rekindle.identity.limits;

import app.rekindle.identity.authorization.ProviderHttp;
import app.rekindle.identity.authorization.ProviderTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Careless and hostile posts to the provider's own forms (sign-up, sign-in, new password, deleting the account,
 * entering a device code) over real HTTP against the real service and PostgreSQL: each is refused with a 4xx or
 * the form's usual way of saying no (its page again, a redirect with an error), and nothing stored changes.
 */
@ExtendWith(SoftAssertionsExtension.class)
class HostileFormsTest extends ProviderTest {

    @InjectSoftAssertions
    SoftAssertions softly;

    private static final String PASSWORD = "a long enough pass phrase";
    private static final String ENCODED_PASSWORD = "a+long+enough+pass+phrase";
    /** server.tomcat.max-http-form-post-size in application.yml. */
    private static final int WINDOW = 64 * 1024;

    private static final String MEGABYTE = "x".repeat(1 << 20);
    private static final String TEN_MEGABYTES = "x".repeat(10 << 20);

    /** One hostile form: its name, and the fields as they go over the wire (already URL-encoded). */
    record Hostile(String name, String fields) {}

    /** What a careless or hostile client may put in one field of a form; the other fields as given. */
    private static List<Hostile> against(String field, String otherFields) {
        String others = otherFields.isEmpty() ? "" : "&" + otherFields;
        return List.of(
                new Hostile(field + " of 1 MB", field + "=" + MEGABYTE + others),
                new Hostile(field + " of 10 MB", field + "=" + TEN_MEGABYTES + others),
                new Hostile(field + " empty", field + "=" + others),
                new Hostile(field + " left out", others.isEmpty() ? "" : others.substring(1)),
                new Hostile(field + " twice", field + "=first-value-here&" + field + "=second-value-here" + others),
                new Hostile(
                        field + " 5000 times",
                        (field + "=y&").repeat(5000) + others.substring(Math.min(1, others.length()))),
                new Hostile(field + " with NUL", field + "=name%00with-nul" + others),
                new Hostile(field + " with control characters", field + "=%07%08%1B%7Fbell" + others),
                new Hostile(field + " as invalid UTF-8", field + "=%C3%28%FF%FE" + others),
                new Hostile(field + " with a lone surrogate", field + "=%ED%A0%80lone" + others),
                new Hostile(field + " as a broken percent-encoding", field + "=%G1%" + others));
    }

    @Test
    void sign_up_answers_each_hostile_form_with_the_page_again_and_opens_no_account() throws Exception {
        String good = "username=" + uniqueName("hostile") + "&password=" + ENCODED_PASSWORD + "&passwordAgain="
                + ENCODED_PASSWORD;
        for (Hostile form : concat(
                against("username", "password=" + ENCODED_PASSWORD + "&passwordAgain=" + ENCODED_PASSWORD),
                against("password", "username=" + uniqueName("hostile")),
                against("passwordAgain", "username=" + uniqueName("hostile") + "&password=" + ENCODED_PASSWORD))) {
            ProviderHttp browser = new ProviderHttp(ISSUER);
            refusedWithNothingChanged(
                    form, () -> browser.send(form("/signup", csrf(browser, "/signup"), form.fields())));
        }
        // The forms above were refused for what they held, not for something every post lacks.
        ProviderHttp browser = new ProviderHttp(ISSUER);
        softly.assertThat(browser.send(form("/signup", csrf(browser, "/signup"), good))
                        .statusCode())
                .isEqualTo(302);
    }

    @Test
    void sign_in_answers_each_hostile_form_as_a_wrong_password_and_changes_nothing() throws Exception {
        String name = uniqueName("target");
        createAccount(name, PASSWORD);
        for (Hostile form :
                concat(against("username", "password=" + ENCODED_PASSWORD), against("password", "username=" + name))) {
            ProviderHttp browser = new ProviderHttp(ISSUER);
            HttpResponse<String> answer = refusedWithNothingChanged(
                    form, () -> browser.send(form("/login", csrf(browser, "/login"), form.fields())));
            if (answer != null && answer.statusCode() == 302) {
                softly.assertThat(answer.headers().firstValue("Location").orElseThrow())
                        .as(form.name())
                        .endsWith("/login?error");
            }
            jdbc.sql("DELETE FROM sign_in_throttle").update();
        }
    }

    @Test
    void a_new_password_form_that_is_hostile_gets_the_page_again_and_the_password_stays() throws Exception {
        ProviderHttp browser = signedIn("changer");
        String again = "new+pass+phrase+for+me";
        for (Hostile form : concat(
                against("currentPassword", "newPassword=" + again + "&newPasswordAgain=" + again),
                against("newPassword", "currentPassword=" + ENCODED_PASSWORD + "&newPasswordAgain=" + again),
                against("newPasswordAgain", "currentPassword=" + ENCODED_PASSWORD + "&newPassword=" + again))) {
            refusedWithNothingChanged(
                    form, () -> browser.send(form("/account/password", csrf(browser, "/account"), form.fields())));
            jdbc.sql("DELETE FROM sign_in_throttle").update();
        }
    }

    @Test
    void deleting_an_account_with_a_hostile_form_keeps_the_account() throws Exception {
        ProviderHttp browser = signedIn("keeper");
        for (Hostile form : against("password", "")) {
            refusedWithNothingChanged(
                    form, () -> browser.send(form("/account/delete", csrf(browser, "/account/delete"), form.fields())));
            jdbc.sql("DELETE FROM sign_in_throttle").update();
        }
    }

    @Test
    void a_hostile_device_code_ends_on_the_verification_page_with_an_error_and_authorizes_nothing() throws Exception {
        ProviderHttp browser = signedIn("devicer");
        // The page's form sends the code as a query (GET); the consent page posts it back (POST).
        for (Hostile form : against("user_code", "")) {
            // Without a code the query is the page itself (200). java.net.URI cannot hold a broken
            // percent-encoding: that one is only posted.
            HttpResponse<String> typed = form.fields().contains("%G")
                    ? null
                    : refusedWithNothingChanged(
                            form,
                            () -> browser.send(HttpRequest.newBuilder(java.net.URI.create(
                                            ISSUER + "/oauth2/device_verification?" + form.fields()))
                                    .build()),
                            form.fields().isEmpty() ? 200 : 0);
            HttpResponse<String> posted = refusedWithNothingChanged(
                    form,
                    () -> browser.send(form("/oauth2/device_verification", csrf(browser, "/account"), form.fields())));
            for (HttpResponse<String> answer : java.util.Arrays.asList(typed, posted)) {
                if (answer != null && answer.statusCode() == 302) {
                    softly.assertThat(answer.headers().firstValue("Location").orElseThrow())
                            .as(form.name())
                            .endsWith("/oauth2/device_verification?error");
                }
            }
        }
    }

    @Test
    void a_form_without_its_csrf_token_or_with_another_sessions_is_forbidden() throws Exception {
        String name = uniqueName("victim");
        createAccount(name, PASSWORD);
        ProviderHttp victim = new ProviderHttp(ISSUER);
        victim.signIn(name, PASSWORD);
        ProviderHttp attacker = new ProviderHttp(ISSUER);
        String attackersToken = csrf(attacker, "/login");
        String newPassword = "currentPassword=" + ENCODED_PASSWORD
                + "&newPassword=attackers+pass+phrase&newPasswordAgain=attackers+pass+phrase";
        for (String path : List.of("/account/password", "/account/delete", "/signup", "/login")) {
            String fields = newPassword + "&password=" + ENCODED_PASSWORD + "&username=" + name;
            refusedWithNothingChanged(
                    new Hostile(path + " without a CSRF token", fields), () -> victim.send(raw(path, fields)), 403);
            refusedWithNothingChanged(
                    new Hostile(path + " with another session's CSRF token", fields),
                    () -> victim.send(raw(path, "_csrf=" + attackersToken + "&" + fields)),
                    403);
        }
    }

    @Test
    void a_body_over_the_window_gets_413_and_one_without_a_length_gets_411_before_anything_reads_it() throws Exception {
        ProviderHttp browser = new ProviderHttp(ISSUER);
        String csrf = csrf(browser, "/signup");
        String name = uniqueName("window");
        String fields = "_csrf=" + csrf + "&username=" + name + "&password=" + ENCODED_PASSWORD + "&passwordAgain="
                + ENCODED_PASSWORD + "&padding=";
        String atTheWindow = fields + "p".repeat(WINDOW - fields.length());

        HttpResponse<String> over = refusedWithNothingChanged(
                new Hostile("one byte over the window", "x"),
                () -> browser.send(raw("/signup", atTheWindow + "p")),
                413);
        softly.assertThat(over.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        softly.assertThat(ProviderHttp.JSON
                        .readTree(over.body())
                        .path("errors")
                        .path(0)
                        .path("field")
                        .asString())
                .isEqualTo("body");
        refusedWithNothingChanged(
                new Hostile("a body without its length", "x"),
                () -> browser.send(HttpRequest.newBuilder(java.net.URI.create(ISSUER + "/signup"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofString(fields)))
                        .build()),
                411);

        softly.assertThat(browser.send(raw("/signup", atTheWindow)).statusCode())
                .as("a body as large as the window is read")
                .isEqualTo(302);
    }

    @Test
    void a_request_tomcat_refuses_itself_gets_a_problem_not_tomcat_s_page() throws Exception {
        ProviderHttp browser = new ProviderHttp(ISSUER);
        HttpResponse<String> headerTooLarge =
                browser.send(HttpRequest.newBuilder(java.net.URI.create(ISSUER + "/login"))
                        .header("X-Padding", "h".repeat(16 * 1024))
                        .GET()
                        .build());

        softly.assertThat(headerTooLarge.statusCode()).isEqualTo(400);
        softly.assertThat(headerTooLarge.headers().firstValue("Content-Type").orElse(""))
                .startsWith("application/problem+json");
        softly.assertThat(headerTooLarge.body()).doesNotContain("Tomcat").doesNotContain("<html");
    }

    private ProviderHttp signedIn(String prefix) throws Exception {
        String name = uniqueName(prefix);
        createAccount(name, PASSWORD);
        ProviderHttp browser = new ProviderHttp(ISSUER);
        browser.signIn(name, PASSWORD);
        return browser;
    }

    private interface Request {
        HttpResponse<String> send() throws Exception;
    }

    private HttpResponse<String> refusedWithNothingChanged(Hostile form, Request request) throws Exception {
        return refusedWithNothingChanged(form, request, 0);
    }

    /** Sends the request; it must be refused (a 4xx, or a 302 to the form's error) and change nothing stored. */
    private HttpResponse<String> refusedWithNothingChanged(Hostile form, Request request, int expectedStatus)
            throws Exception {
        Map<String, Long> before = StoredRows.of(jdbc);
        HttpResponse<String> answer;
        try {
            answer = request.send();
        } catch (java.io.IOException e) {
            softly.fail(form.name() + ": no answer, the connection ended: " + e);
            return null;
        }
        if (expectedStatus != 0) {
            softly.assertThat(answer.statusCode()).as(form.name()).isEqualTo(expectedStatus);
        } else if (answer.statusCode() == 302) {
            softly.assertThat(answer.headers().firstValue("Location").orElseThrow())
                    .as(form.name())
                    .contains("error");
        } else {
            softly.assertThat(answer.statusCode())
                    .as(form.name() + ": "
                            + answer.body()
                                    .substring(0, Math.min(300, answer.body().length())))
                    .isBetween(400, 499);
        }
        softly.assertThat(StoredRows.of(jdbc)).as(form.name()).isEqualTo(before);
        return answer;
    }

    private static String csrf(ProviderHttp browser, String page) throws Exception {
        return ProviderHttp.csrfOf(browser.get(page).body());
    }

    private HttpRequest form(String path, String csrf, String fields) {
        return raw(path, "_csrf=" + csrf + (fields.isEmpty() ? "" : "&" + fields));
    }

    private static HttpRequest raw(String path, String body) {
        return HttpRequest.newBuilder(java.net.URI.create(ISSUER + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static List<Hostile> concat(List<Hostile> first, List<Hostile> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }

    private static List<Hostile> concat(List<Hostile> first, List<Hostile> second, List<Hostile> third) {
        return concat(concat(first, second), third);
    }
}
