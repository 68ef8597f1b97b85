package app.rekindle.events.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The cipher a thread reuses must behave as a fresh one for every value, whatever the value before it did. */
class FreeTextCipherTest {

    private final DataKey key = DataKey.generate();
    private final DataKey otherKey = DataKey.generate();

    @Test
    void sealing_one_text_twice_gives_two_ciphertexts_that_both_open() {
        String first = FreeTextCipher.seal("we talked until midnight", key, "j|e|note");
        String second = FreeTextCipher.seal("we talked until midnight", key, "j|e|note");

        assertThat(first).isNotEqualTo(second).startsWith(FreeTextCipher.PREFIX);
        assertThat(FreeTextCipher.open(first, key, "j|e|note")).isEqualTo("we talked until midnight");
        assertThat(FreeTextCipher.open(second, key, "j|e|note")).isEqualTo("we talked until midnight");
    }

    @Test
    void a_value_that_failed_to_open_leaves_the_thread_able_to_seal_and_open() {
        String sealed = FreeTextCipher.seal("a quiet walk", key, "j|e|note");

        assertThatThrownBy(() -> FreeTextCipher.open(sealed, otherKey, "j|e|note"))
                .isInstanceOf(TamperedFreeText.class);
        assertThatThrownBy(() -> FreeTextCipher.open(sealed, key, "j|e|other")).isInstanceOf(TamperedFreeText.class);

        String next = FreeTextCipher.seal("dinner at home", otherKey, "j|e|note");
        assertThat(FreeTextCipher.open(next, otherKey, "j|e|note")).isEqualTo("dinner at home");
        assertThat(FreeTextCipher.open(sealed, key, "j|e|note")).isEqualTo("a quiet walk");
    }

    @Test
    void threads_sealing_and_opening_at_once_each_get_their_own_text_back() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                DataKey own = t % 2 == 0 ? key : otherKey;
                String prefix = "thread " + t + " value ";
                work.add(() -> {
                    for (int i = 0; i < 500; i++) {
                        String text = prefix + i;
                        String place = "j|" + i + "|note";
                        if (!FreeTextCipher.open(FreeTextCipher.seal(text, own, place), own, place)
                                .equals(text)) {
                            return false;
                        }
                    }
                    return true;
                });
            }
            for (Future<Boolean> done : threads.invokeAll(work)) {
                assertThat(done.get()).isTrue();
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
