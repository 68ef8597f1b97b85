package app.rekindle.command.keys;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.privacy.DataKey;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyCacheTest {

    private final KeyCache cache = new KeyCache(10);

    @Test
    void an_erased_journals_key_stays_gone_when_a_reader_that_saw_it_live_commits_later() {
        UUID journal = UUID.randomUUID();
        KeyState.Live live = new KeyState.Live(DataKey.generate());
        cache.put(journal, live);

        cache.put(journal, new KeyState.Destroyed(live.key().keyId()));
        cache.put(journal, live);

        assertThat(cache.get(journal))
                .isEqualTo(new KeyState.Destroyed(live.key().keyId()));
    }

    @Test
    void a_live_key_is_remembered() {
        UUID journal = UUID.randomUUID();
        KeyState.Live live = new KeyState.Live(DataKey.generate());

        cache.put(journal, live);

        assertThat(cache.get(journal)).isSameAs(live);
    }

    @Test
    void memory_stays_bounded() {
        for (int i = 0; i < 1_000; i++) {
            cache.put(UUID.randomUUID(), new KeyState.Live(DataKey.generate()));
        }

        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }
}
