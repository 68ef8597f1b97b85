package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.launcher.EmbeddedStack;
import app.rekindle.launcher.ServiceCredentials;
import app.rekindle.support.testing.WebSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue #16's promise, end to end on the real stack: a person who deletes their account on the provider's page
 * loses every journal they kept — erased as {@code DELETE /journals/{id}} erases one, keys shredded, views gone —
 * and everything they held stops working: the access token opens nothing, the refresh token is refused, the
 * name and password sign nobody in.
 */
class AccountDeletionInStackTest {

    private static final Pattern SIGN_IN_ERROR = Pattern.compile("id=\"sign-in-error\"[^>]*>([^<]+)<");
    private static final String JOURNAL = """
            {"partnerName":"%s","intention":"%s","timezone":"Europe/Berlin"}""";

    private final EmbeddedStack stack = RunningStack.get();
    private final CommandDatabase database = new CommandDatabase(stack);
    private final String marker = "marker-" + UUID.randomUUID();

    @Test
    void deleting_the_account_erases_both_journals_and_nothing_it_held_works_afterwards() {
        ProviderAccount dana = ProviderAccount.signUp(stack, "dana");
        Http commands = new Http(stack.commandUrl(), dana.accessToken());
        Http reads = new Http(stack.queryUrl(), dana.accessToken());
        List<String> journals = List.of(journalWithEntry(commands, reads), journalWithEntry(commands, reads));
        assertThat(reads.get("/journals").body().findValuesAsText("journalId")).containsAll(journals);

        HttpResponse<String> deleted =
                dana.browser().submit("/account/delete", "/account/delete", Map.of("password", dana.password()));

        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.body()).contains("id=\"account-deleted\"");

        Http keyPath = new Http(stack.commandUrl(), keyServiceToken());
        ProviderAccount newcomer = ProviderAccount.signUp(stack, "newcomer");
        Http newcomerWrites = new Http(stack.commandUrl(), newcomer.accessToken());
        Http newcomerReads = new Http(stack.queryUrl(), newcomer.accessToken());
        for (String journalId : journals) {
            String journal = "/journals/" + journalId;
            assertThat(database.keyDestroyed(journalId))
                    .as("key of %s", journalId)
                    .isTrue();
            assertThat(keyPath.get("/internal/journals/" + journalId + "/data-key")
                            .status())
                    .isEqualTo(410);
            for (String view : List.of("/timeline", "/export", "/history", "/progress")) {
                await().atMost(Duration.ofSeconds(60))
                        .until(() -> reads.get(journal + view).status() == 404);
            }
            List<ConsumerRecord<String, byte[]>> records =
                    TopicReader.recordsOf(stack.kafkaBootstrapServers(), stack.topic(), journalId);
            assertThat(records)
                    .noneMatch(record -> new String(record.value(), StandardCharsets.UTF_8).contains(marker));
            assertThat(new String(
                            records.getLast().headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8))
                    .isEqualTo("app.rekindle.journal.journal-erased");
            assertThat(database.payloads(journalId)).noneMatch(row -> row.contains(marker));
            assertThat(newcomerReads.get(journal).status()).isEqualTo(404);
            assertThat(newcomerWrites
                            .post(journal + "/check-ins", "{\"mood\":3,\"connection\":3}")
                            .status())
                    .isEqualTo(404);
        }
        assertThat(reads.get("/journals").body().findValuesAsText("journalId")).doesNotContainAnyElementsOf(journals);

        // The access token is still signed and unexpired, but its owner is erased: answered as no token at all.
        Http.Answer reopened = commands.post("/journals", JOURNAL.formatted("Kim", "Again"));
        Http.Answer anonymous = new Http(stack.commandUrl(), null).post("/journals", JOURNAL.formatted("Kim", "Again"));
        assertThat(reopened.status()).isEqualTo(401);
        assertThat(reopened.body()).isEqualTo(anonymous.body());

        HttpResponse<String> refreshed = dana.browser().refresh(dana.refreshToken());
        assertThat(refreshed.statusCode()).isEqualTo(400);
        assertThat(WebSession.json(refreshed.body()).path("error").asString()).isEqualTo("invalid_grant");

        String oldAccount = signInError(dana.username(), dana.password());
        String unknown = signInError("nobody-" + UUID.randomUUID().toString().substring(0, 8), dana.password());
        assertThat(oldAccount).isNotBlank().isEqualTo(unknown);
    }

    /** Opens a journal, logs a reflection holding the marker, and waits until the query service shows it. */
    private String journalWithEntry(Http commands, Http reads) {
        Http.Answer opened = commands.post("/journals", JOURNAL.formatted(marker, marker));
        assertThat(opened.status()).isEqualTo(201);
        String journalId = opened.body().get("journalId").asText();
        Http.Answer reflection =
                commands.post("/journals/" + journalId + "/reflections", """
                {"occurredOn":"2026-11-16","text":"%s","myPart":"%s","lesson":"%s"}""".formatted(marker, marker, marker));
        assertThat(reflection.status()).isEqualTo(201);
        long version = reflection.body().get("version").asLong();
        Http.Answer timeline = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> reads.get("/journals/" + journalId + "/timeline?minVersion=" + version),
                        answer -> answer.status() == 200);
        assertThat(timeline.body().toString()).contains(marker);
        return journalId;
    }

    /** Signs in with a fresh browser and returns the message the sign-in page shows after the failure. */
    private String signInError(String username, String password) {
        WebSession browser = new WebSession(stack.identityUrl().toString());
        HttpResponse<String> attempt = browser.signIn(username, password);
        assertThat(attempt.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(attempt)).endsWith("/login?error");
        HttpResponse<String> page = browser.get("/login?error");
        Matcher message = SIGN_IN_ERROR.matcher(page.body());
        assertThat(message.find()).as(page.body()).isTrue();
        return message.group(1);
    }

    /** The query service's own credential for the key path: a client-credentials token from the provider. */
    private String keyServiceToken() {
        try {
            String client = "rekindle-query-service:"
                    + Files.readString(ServiceCredentials.queryClientSecretFile(stack.keysDir()));
            HttpResponse<String> answer = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(stack.identityUrl().resolve("/oauth2/token"))
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString(client.getBytes(StandardCharsets.UTF_8)))
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString(
                                            "grant_type=client_credentials&scope=journal-keys"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return WebSession.json(answer.body()).get("access_token").asString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
