package app.rekindle.identity.throttling;

import static app.rekindle.support.testing.WebSession.location;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.identity.accounts.ProviderUnderTest;
import app.rekindle.support.testing.WebSession;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Failed sign-ins are counted per name and per address; a blocked sign-in gets the very answer of a wrong
 * password, whether the name belongs to an account or not, and even with the right password.
 */
class SignInThrottleTest extends ProviderUnderTest {

    private static final String PASSWORD = "a long and right pass phrase";
    private static final String FAILED = ISSUER + "/login?error";

    @Autowired
    SignInThrottle throttle;

    @Test
    void known_and_unknown_names_are_blocked_alike_and_then_even_the_right_password_is_refused() {
        String known = signedUpAccount("Kim");
        String unknown = newName("nobody");

        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            assertThat(location(signIn(known, "a wrong pass phrase"))).isEqualTo(FAILED);
            assertThat(location(signIn(unknown, "a wrong pass phrase"))).isEqualTo(FAILED);
        }
        HttpResponse<String> knownBlocked = signIn(known, PASSWORD);
        HttpResponse<String> unknownBlocked = signIn(unknown, PASSWORD);

        assertThat(knownBlocked.statusCode())
                .isEqualTo(unknownBlocked.statusCode())
                .isEqualTo(302);
        assertThat(location(knownBlocked)).isEqualTo(location(unknownBlocked)).isEqualTo(FAILED);
        assertThat(new WebSession(ISSUER).get("/login?error").body()).contains(SIGN_IN_FAILED);
        assertThat(new WebSession(ISSUER).get("/login").body()).doesNotContain(SIGN_IN_FAILED);
    }

    @Test
    void a_block_ends_after_its_time_and_the_right_password_signs_in_again() {
        String name = signedUpAccount("Lee");
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            signIn(name, "a wrong pass phrase");
        }
        assertThat(location(signIn(name, PASSWORD))).isEqualTo(FAILED);

        await().atMost(BLOCK.multipliedBy(4))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> location(signIn(name, PASSWORD)).equals(ISSUER + "/account"));
    }

    @Test
    void another_name_is_not_blocked_by_someone_elses_failures() {
        String blocked = signedUpAccount("Max");
        String other = signedUpAccount("Ada");
        for (int i = 0; i < ACCOUNT_FAILURES; i++) {
            signIn(blocked, "a wrong pass phrase");
        }

        assertThat(location(signIn(other, PASSWORD))).isEqualTo(ISSUER + "/account");
    }

    @Test
    void a_successful_sign_in_forgets_the_names_earlier_failures() {
        String name = signedUpAccount("Joe");
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < ACCOUNT_FAILURES - 1; i++) {
                assertThat(location(signIn(name, "a wrong pass phrase"))).isEqualTo(FAILED);
            }
            assertThat(location(signIn(name, PASSWORD))).isEqualTo(ISSUER + "/account");
        }
    }

    @Test
    void one_address_is_blocked_after_its_failures_across_many_names() {
        String name = signedUpAccount("Pat");
        for (int i = 0; i < ADDRESS_FAILURES; i++) {
            // One failure per name: no name reaches its own limit, the address reaches its.
            assertThat(location(signIn(newName("guess"), "a wrong pass phrase")))
                    .isEqualTo(FAILED);
        }

        assertThat(location(signIn(name, PASSWORD))).isEqualTo(FAILED);
    }

    @Test
    void a_passkey_sign_in_from_a_blocked_address_gets_the_answer_of_a_failed_passkey() {
        WebSession browser = new WebSession(ISSUER);
        String csrf = browser.csrfTokenOf("/login");
        HttpResponse<String> failedPasskey = passkeySignIn(browser, csrf);
        for (int i = 0; i < ADDRESS_FAILURES; i++) {
            signIn(newName("guess"), "a wrong pass phrase");
        }

        HttpResponse<String> blockedPasskey = passkeySignIn(browser, csrf);

        assertThat(blockedPasskey.statusCode())
                .isEqualTo(failedPasskey.statusCode())
                .isEqualTo(401);
        assertThat(blockedPasskey.body()).isEqualTo(failedPasskey.body());
    }

    @Test
    void names_are_kept_only_as_digests() {
        String name = newName("Private");
        signIn(name, "a wrong pass phrase");

        assertThat(jdbc.sql("SELECT subject FROM sign_in_throttle WHERE scope = 'account'")
                        .query(String.class)
                        .list())
                .hasSize(1)
                .allSatisfy(subject -> assertThat(subject).matches("[0-9a-f]{64}"));
    }

    @Test
    void rows_that_no_longer_count_are_pruned_and_the_others_kept() {
        Instant longAgo = Instant.now().minus(Duration.ofDays(2));
        jdbc.sql("INSERT INTO sign_in_throttle (scope, subject, attempts, window_started, blocked_until, blocks)"
                        + " VALUES ('address', 'old', 1, ?, ?, 1)")
                .params(Timestamp.from(longAgo), Timestamp.from(longAgo.plusSeconds(60)))
                .update();
        signIn(newName("recent"), "a wrong pass phrase");

        assertThat(throttle.prune()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT subject FROM sign_in_throttle WHERE scope = 'address'")
                        .query(String.class)
                        .list())
                .containsExactly("127.0.0.1");
    }

    private String signedUpAccount(String prefix) {
        String name = newName(prefix);
        assertThat(new WebSession(ISSUER).signUp(name, PASSWORD).statusCode()).isEqualTo(302);
        return name;
    }

    private static HttpResponse<String> signIn(String name, String password) {
        return new WebSession(ISSUER).signIn(name, password);
    }

    /** An assertion no authenticator made: refused, as is any passkey sign-in while the address is blocked. */
    private static HttpResponse<String> passkeySignIn(WebSession browser, String csrf) {
        return browser.post(
                "/login/webauthn",
                "application/json",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{}}",
                Map.of("X-CSRF-TOKEN", csrf));
    }
}
