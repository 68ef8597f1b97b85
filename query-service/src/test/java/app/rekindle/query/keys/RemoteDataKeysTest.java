package app.rekindle.query.keys;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.privacy.DataKey;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The key cache against the stand-in key service over real HTTP. */
class RemoteDataKeysTest {

    private final StandInKeyService keyService = StandInKeyService.get();

    private RemoteDataKeys keys(int cacheSize) {
        return new RemoteDataKeys(
                new KeyServiceProperties(keyService.url(), keyService.tokenFile(), cacheSize, Duration.ofSeconds(5)));
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
    void memory_stays_bounded() {
        RemoteDataKeys keys = keys(10);
        for (int i = 0; i < 200; i++) {
            UUID journal = UUID.randomUUID();
            keys.find(journal, keyService.keyFor(journal).keyId());
        }

        assertThat(keys.cached()).isLessThanOrEqualTo(10);
    }
}
