package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.launcher.EmbeddedStack;
import java.net.URI;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * The one-command run's smoke test: the real service jars (copied into target/services by the build) against
 * the embedded PostgreSQL and Kafka, on random ports with a throw-away data folder — three services, the
 * identity service's tokens accepted by both others, and a token of any other provider refused.
 */
class StackStartsTest {

    private static final String JOURNAL = "{\"partnerName\":\"Sam\",\"intention\":\"Again\",\"timezone\":\"UTC\"}";

    private final EmbeddedStack stack = RunningStack.get();

    @Test
    void the_three_services_become_ready_and_in_demo_mode_a_demo_token_is_issued() {
        for (URI service : new URI[] {stack.commandUrl(), stack.queryUrl(), stack.identityUrl()}) {
            assertThat(new Http(service, null).get("/actuator/health/readiness").status())
                    .as("readiness of %s", service)
                    .isEqualTo(200);
        }
        assertThat(stack.demoToken()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        System.out.println("Embedded stack started in " + stack.startupTime().toMillis() + " ms");
    }

    @Test
    void a_token_of_the_identity_service_names_it_and_rekindles_api_and_both_services_accept_it() {
        String token = Http.tokenFor(stack, "stack-starts");
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(claims)
                .contains("\"iss\":\"" + stack.identityUrl() + "\"")
                .contains("\"sub\":\"demo:stack-starts\"")
                .contains("rekindle-api");

        Http.Answer opened = new Http(stack.commandUrl(), token).post("/journals", JOURNAL);
        assertThat(opened.status()).isEqualTo(201);
        String journalId = opened.body().get("journalId").asText();
        assertThat(new Http(stack.queryUrl(), token)
                        .get("/journals/" + journalId + "/progress?minVersion=0")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void a_token_of_an_independently_started_provider_is_refused_by_both_services_as_any_bad_token_is() {
        try (OtherProvider other = OtherProvider.start(stack, "identity_other", false)) {
            // Demo mode is off there: no tokens by name — what a path that does not exist answers.
            Http.Answer demo = new Http(other.url(), null).post("/demo/tokens", "{\"username\":\"mallory\"}");
            Http.Answer noSuchPath = new Http(other.url(), null).post("/demo/tokenz", "{\"username\":\"mallory\"}");
            assertThat(demo.status()).isNotEqualTo(200).isEqualTo(noSuchPath.status());
            assertThat(demo.body().path("error")).isEqualTo(noSuchPath.body().path("error"));
            // A genuine token of that provider, for rekindle-api: its client-credentials grant.
            String foreign = other.clientCredentialsToken();

            Http.Answer command = new Http(stack.commandUrl(), foreign).post("/journals", JOURNAL);
            Http.Answer query = new Http(stack.queryUrl(), foreign).get("/journals");
            Http.Answer garbage = new Http(stack.commandUrl(), "not-a-token").post("/journals", JOURNAL);

            assertThat(command.status()).isEqualTo(401);
            assertThat(query.status()).isEqualTo(401);
            assertThat(command.body()).isEqualTo(garbage.body());
        }
    }
}
