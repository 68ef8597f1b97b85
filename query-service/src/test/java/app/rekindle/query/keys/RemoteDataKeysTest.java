package app.rekindle.query.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rekindle.events.privacy.DataKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The key cache and its credential against the stand-in key service and token endpoint over real HTTP. */
class RemoteDataKeysTest {

    private final StandInKeyService keyService = StandInKeyService.get();

    private RemoteDataKeys keys(int cacheSize) {
        return new RemoteDataKeys(new KeyServiceProperties(
                keyService.url(),
                keyService.tokenUri(),
                "rekindle-query-service",
                keyService.secretFile(),
                cacheSize,
                Duration.ofSeconds(5)));
    }

    @Test
    void a_fetched_key_is_remembered_and_not_fetched_again() {
        RemoteDataKeys keys = keys(10);
        UUID journal = UUID.randomUUID();
        DataKey key = keyService.keyFor(journal);
        assertThat(keys.find(journal, key.keyId())).contains(key);

        keyService.destroy(journal); // the service would now answer 410; the remembered key still answers

        assertThat(keys.find(journal, key.keyId())).contains(key);
    }

    @Test
    void an_erased_journals_key_is_gone_even_while_the_key_service_still_has_it() {
        RemoteDataKeys keys = keys(10);
        UUID journal = UUID.randomUUID();
        DataKey key = keyService.keyFor(journal);
        assertThat(keys.find(journal, key.keyId())).contains(key);

        keys.destroyed(journal);

        assertThat(keys.find(journal, key.keyId())).isEmpty();
    }

    @Test
    void a_journal_the_key_service_reports_erased_has_no_key() {
        RemoteDataKeys keys = keys(10);
        UUID journal = UUID.randomUUID();
        String keyId = keyService.keyFor(journal).keyId();
        keyService.destroy(journal);

        assertThat(keys.find(journal, keyId)).isEmpty();
    }

    @Test
    void one_token_serves_many_key_fetches() {
        RemoteDataKeys keys = keys(10);
        int before = keyService.tokensIssued();
        for (int i = 0; i < 5; i++) {
            UUID journal = UUID.randomUUID();
            keys.find(journal, keyService.keyFor(journal).keyId());
        }

        assertThat(keyService.tokensIssued() - before).isEqualTo(1);
    }

    @Test
    void a_refused_client_secret_is_an_outage_to_retry_not_an_erasure() throws Exception {
        Path wrongSecret = Files.createTempFile("query-service", ".secret");
        Files.writeString(wrongSecret, "not-the-secret");
        RemoteDataKeys keys = new RemoteDataKeys(new KeyServiceProperties(
                keyService.url(),
                keyService.tokenUri(),
                "rekindle-query-service",
                wrongSecret,
                10,
                Duration.ofSeconds(5)));
        UUID journal = UUID.randomUUID();
        String keyId = keyService.keyFor(journal).keyId();

        assertThatThrownBy(() -> keys.find(journal, keyId))
                .isInstanceOf(KeyServiceUnavailable.class)
                .hasMessageContaining("401");

        // The secret is read on every token fetch: once it is right, the same instance gets the key.
        Files.writeString(wrongSecret, Files.readString(keyService.secretFile()));
        assertThat(keys.find(journal, keyId)).isPresent();
    }

    @Test
    void memory_stays_bounded() {
        RemoteDataKeys keys = keys(10);
        for (int i = 0; i < 200; i++) {
            UUID journal = UUID.randomUUID();
            keys.find(journal, keyService.keyFor(journal).keyId());
        }

        assertThat(keys.cached()).isLessThanOrEqualTo(10);
    }
}
