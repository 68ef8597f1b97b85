package app.rekindle.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The contract Axon's caching repository relies on, held by the Caffeine-backed journal cache. */
class JournalCacheTest {

    private final JournalCache cache = new JournalCache(10);

    @Test
    void a_journal_put_is_found_again() {
        Object journal = new Object();
        cache.put("j1", journal);

        assertThat(cache.<String, Object>get("j1")).isSameAs(journal);
        assertThat(cache.containsKey("j1")).isTrue();
    }

    @Test
    void putting_null_forgets_the_journal() {
        cache.put("j1", new Object());

        cache.put("j1", null);

        assertThat(cache.containsKey("j1")).isFalse();
    }

    @Test
    void put_if_absent_keeps_the_journal_already_there() {
        Object first = new Object();
        assertThat(cache.putIfAbsent("j1", first)).isTrue();

        assertThat(cache.putIfAbsent("j1", new Object())).isFalse();
        assertThat(cache.<String, Object>get("j1")).isSameAs(first);
    }

    @Test
    void compute_if_present_touches_only_a_journal_that_is_there() {
        cache.put("j1", "v1");

        cache.computeIfPresent("j1", (UnaryOperator<String>) v -> v + "+");
        cache.computeIfPresent("j2", (UnaryOperator<String>) v -> v + "+");

        assertThat(cache.<String, String>get("j1")).isEqualTo("v1+");
        assertThat(cache.containsKey("j2")).isFalse();
    }

    @Test
    void compute_if_present_answering_null_forgets_the_journal() {
        cache.put("j1", "v1");

        cache.computeIfPresent("j1", (UnaryOperator<String>) v -> null);

        assertThat(cache.containsKey("j1")).isFalse();
    }

    @Test
    void compute_if_absent_builds_a_journal_once() {
        assertThat(cache.computeIfAbsent("j1", () -> "built")).isEqualTo("built");

        assertThat(cache.computeIfAbsent("j1", () -> "again")).isEqualTo("built");
    }

    @Test
    void removing_answers_whether_the_journal_was_there() {
        cache.put("j1", "v1");

        assertThat(cache.remove("j1")).isTrue();
        assertThat(cache.remove("j1")).isFalse();
    }

    @Test
    void remove_all_forgets_every_journal() {
        cache.put("j1", "v1");
        cache.put("j2", "v2");

        cache.removeAll();

        assertThat(cache.size()).isZero();
    }

    @Test
    void memory_stays_bounded() {
        for (int i = 0; i < 1_000; i++) {
            cache.put("j" + i, "v" + i);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(10);
    }
}
