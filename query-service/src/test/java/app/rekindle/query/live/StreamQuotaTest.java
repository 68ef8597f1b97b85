package app.rekindle.query.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StreamQuotaTest {

    @Test
    void a_person_holds_at_most_their_share_and_gets_a_place_back_when_one_closes() {
        StreamQuota quota = new StreamQuota(2, 10);

        assertThat(quota.take("alice")).isNull();
        assertThat(quota.take("alice")).isNull();
        assertThat(quota.take("alice")).isEqualTo(StreamQuota.Refusal.PERSON);
        assertThat(quota.take("bob")).isNull();

        quota.release("alice");

        assertThat(quota.take("alice")).isNull();
        assertThat(quota.openFor("alice")).isEqualTo(2);
        assertThat(quota.openInAll()).isEqualTo(3);
    }

    @Test
    void the_service_holds_at_most_its_total_whoever_asks() {
        StreamQuota quota = new StreamQuota(5, 3);
        quota.take("alice");
        quota.take("bob");
        quota.take("carol");

        assertThat(quota.take("dave")).isEqualTo(StreamQuota.Refusal.SERVICE);
        assertThat(quota.openFor("dave")).isZero();

        quota.release("bob");

        assertThat(quota.take("dave")).isNull();
        assertThat(quota.openInAll()).isEqualTo(3);
    }

    @Test
    void racing_requests_never_overshoot_either_cap() {
        StreamQuota quota = new StreamQuota(5, 12);
        AtomicInteger taken = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);

        CompletableFuture.allOf(IntStream.range(0, 200)
                        .mapToObj(i -> CompletableFuture.runAsync(
                                () -> {
                                    if (quota.take("person-" + (i % 4)) == null) {
                                        taken.incrementAndGet();
                                    }
                                },
                                threads))
                        .toArray(CompletableFuture[]::new))
                .join();
        threads.shutdown();

        assertThat(taken.get()).isEqualTo(12);
        assertThat(quota.openInAll()).isEqualTo(12);
        IntStream.range(0, 4)
                .forEach(i -> assertThat(quota.openFor("person-" + i)).isLessThanOrEqualTo(5));
    }

    @Test
    void releasing_what_a_person_does_not_hold_changes_nothing() {
        StreamQuota quota = new StreamQuota(1, 1);
        quota.take("alice");

        quota.release("bob");

        assertThat(quota.openInAll()).isEqualTo(1);
        assertThat(quota.take("bob")).isEqualTo(StreamQuota.Refusal.SERVICE);
    }
}
