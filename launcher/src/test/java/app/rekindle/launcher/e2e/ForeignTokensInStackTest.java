package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.embedded.LocalJwtKeys;
import app.rekindle.launcher.EmbeddedStack;
import app.rekindle.support.testing.BadRequest;
import app.rekindle.support.testing.RawHttp;
import app.rekindle.support.testing.Tokens;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #16's resource-server promise on the real stack: a genuine token of a second, independently started
 * instance of our provider (its own key and issuer) — a person's, from its sign-up and code + PKCE flow, and a
 * client's — is refused by both services with the very same 401 as a token of the stack's own issuer that is
 * expired, for another audience, from another issuer, unsigned or wrongly signed.
 */
class ForeignTokensInStackTest {

    private static final String JOURNAL = "{\"partnerName\":\"Sam\",\"intention\":\"Again\",\"timezone\":\"UTC\"}";

    private final EmbeddedStack stack = RunningStack.get();

    @Test
    void a_second_providers_tokens_get_the_same_401_from_both_services_as_expired_foreign_or_unsigned_ones() {
        ProviderAccount person = ProviderAccount.signUp(stack, "foreign-tokens");
        Map<String, String> bad = Tokens.signedWith(
                        LocalJwtKeys.createOrLoad(stack.keysDir()),
                        stack.identityUrl().toString())
                .bad(person.subject());
        Map<String, String> refused = new LinkedHashMap<>();
        try (OtherProvider other = OtherProvider.start(stack, "identity_foreign", false)) {
            refused.put(
                    "other provider's person",
                    ProviderAccount.signUp(other.url(), ProviderAccount.dashboard(stack), "foreign-tokens")
                            .accessToken());
            refused.put("other provider's client", other.clientCredentialsToken());
        }
        for (String flaw : List.of("expired", "other-audience", "other-issuer", "wrongly-signed", "alg-none")) {
            refused.put(flaw, bad.get(flaw));
        }

        for (BadRequest call :
                List.of(BadRequest.of("", "POST", "/journals").json(JOURNAL), BadRequest.of("", "GET", "/journals"))) {
            String service = call.method().equals("POST")
                    ? stack.commandUrl().toString()
                    : stack.queryUrl().toString();
            RawHttp http = new RawHttp(service);
            assertThat(http.send(call.bearer(person.accessToken())).status())
                    .as("the stack's own person token on %s", service)
                    .isBetween(200, 201);
            RawHttp.Answer unsigned = http.send(call.bearer(bad.get("alg-none")));
            assertThat(unsigned.status()).isEqualTo(401);
            refused.forEach((what, token) -> {
                RawHttp.Answer answer = http.send(call.bearer(token));
                String as = what + " on " + service;
                assertThat(answer.status()).as(as).isEqualTo(401);
                assertThat(answer.header("WWW-Authenticate")).as(as).isEqualTo(unsigned.header("WWW-Authenticate"));
                assertThat(answer.header("Content-Type")).as(as).isEqualTo(unsigned.header("Content-Type"));
                assertThat(answer.body()).as(as).isEqualTo(unsigned.body());
            });
        }
    }
}
