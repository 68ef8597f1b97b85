package app.rekindle.faults;

import static app.rekindle.faults.SharedFaultStack.INTERVAL;
import static app.rekindle.faults.SharedFaultStack.JOURNALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.faults.FaultStack.Service;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The broker stops for 30 s under load. Commands keep being accepted (they are stored; the publisher retries),
 * readiness tells the truth on each side meanwhile, and once the broker is back the views catch up.
 */
@ExtendWith(SharedFaultStack.class)
class KafkaOutageTest {

    private static final Duration OUTAGE = Duration.ofSeconds(30);

    private final FaultStack stack = SharedFaultStack.get();

    @Test
    void with_the_broker_stopped_for_30_s_commands_are_still_accepted_and_reach_the_views_afterwards()
            throws Exception {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try (Load load = Load.start(stack, "fault-kafka", JOURNALS, INTERVAL)) {
            load.awaitAccepted(20, Duration.ofSeconds(60));

            stack.servers().stopKafka();
            int acceptedAtStop = load.accepted();
            ScheduledFuture<Long> restarted = timer.schedule(
                    () -> {
                        stack.servers().startKafka();
                        return System.nanoTime();
                    },
                    OUTAGE.toMillis(),
                    TimeUnit.MILLISECONDS);

            // The query side cannot move its views: not ready. The command side still takes commands: ready.
            await().atMost(OUTAGE.minusSeconds(5)).until(() -> stack.readiness(Service.QUERY) == 503);
            assertThat(stack.readiness(Service.COMMAND)).isEqualTo(200);
            long back = restarted.get(OUTAGE.toSeconds() + 60, TimeUnit.SECONDS);
            int acceptedDuringOutage = load.accepted() - acceptedAtStop;
            Map<String, Long> atRestart = load.lastVersions();

            Duration recovery = Recovery.measure(stack, atRestart, back, Duration.ofSeconds(120));
            load.awaitAccepted(20, Duration.ofSeconds(60));
            load.stop();
            load.settle();
            Recovery.measure(stack, load.lastVersions(), System.nanoTime(), Duration.ofSeconds(60));

            System.out.printf("Kafka outage: %d commands accepted while the broker was down%n", acceptedDuringOutage);
            assertThat(acceptedDuringOutage).isGreaterThan(JOURNALS * 10);
            Ledger.compare("Kafka broker stopped 30 s, restarted", stack, load.journals(), recovery)
                    .print()
                    .assertClean();
            await().atMost(Duration.ofSeconds(30)).until(() -> stack.readiness(Service.QUERY) == 200);
        } finally {
            timer.shutdownNow();
        }
    }
}
