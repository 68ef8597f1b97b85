package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.launcher.EmbeddedStack;
import app.rekindle.launcher.LauncherConfig;
import app.rekindle.launcher.ServiceJars;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Any provider instead of ours ({@code REKINDLE_ISSUER_URI}, {@code REKINDLE_TOKEN_URI},
 * {@code REKINDLE_QUERY_CLIENT_SECRET_FILE}): a stack that starts no identity service trusts an independently
 * started one — its people's tokens are accepted, and the query service opens sealed text with a token from that
 * provider's token endpoint — while the tokens of the provider it was not told about are refused.
 */
class ExternalProviderStackTest {

    private final EmbeddedStack ours = RunningStack.get();

    @Test
    void a_stack_configured_for_an_external_provider_trusts_that_provider_only(@TempDir Path dataDir) {
        try (OtherProvider external = OtherProvider.start(ours, "identity_external", true)) {
            LauncherConfig config = new LauncherConfig(
                    dataDir,
                    0,
                    0,
                    0,
                    0,
                    0,
                    "rekindle.journal-events",
                    1,
                    "384m",
                    ServiceJars.locate(System.getProperties()),
                    LauncherConfig.LOOPBACK,
                    false,
                    external.provider());
            try (EmbeddedStack stack = EmbeddedStack.start(config)) {
                assertThat(stack.runsIdentityService()).isFalse();
                String token = new Http(external.url(), null)
                        .post("/demo/tokens", "{\"username\":\"ext-person\"}")
                        .body()
                        .get("token")
                        .asText();
                Http commands = new Http(stack.commandUrl(), token);
                String journal = "/journals/"
                        + commands.post(
                                        "/journals",
                                        "{\"partnerName\":\"Kim\",\"intention\":\"Start over\",\"timezone\":\"UTC\"}")
                                .body()
                                .get("journalId")
                                .asText();
                long version = commands.post(
                                journal + "/conversations",
                                "{\"occurredAt\":\"2026-10-05T23:30:00Z\",\"topic\":\"Money\",\"initiatedBy\":\"PARTNER\","
                                        + "\"minutes\":30,\"feltHeard\":2,\"listenedWell\":3,\"outcome\":\"UNRESOLVED\","
                                        + "\"notes\":\"Sealed words\"}")
                        .body()
                        .get("version")
                        .asLong();

                // The notes are sealed: the timeline shows them only once the query service got the journal's key
                // with its client-credentials token from the external provider.
                Http.Answer timeline =
                        new Http(stack.queryUrl(), token).get(journal + "/timeline?minVersion=" + version);
                assertThat(timeline.status()).isEqualTo(200);
                assertThat(timeline.body().toString()).contains("Sealed words");

                // The provider of the other stack is a stranger here.
                String stranger = Http.tokenFor(ours, "ext-person");
                assertThat(new Http(stack.commandUrl(), stranger).get(journal).status())
                        .isEqualTo(401);
                assertThat(new Http(stack.queryUrl(), stranger)
                                .get(journal + "/timeline")
                                .status())
                        .isEqualTo(401);
            }
        }
    }
}
