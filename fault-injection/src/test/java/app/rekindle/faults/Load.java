package app.rekindle.faults;

import static org.awaitility.Awaitility.await;

import app.rekindle.faults.FaultStack.Service;
import app.rekindle.launcher.DemoTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * A steady stream of check-ins across several journals of one person: each journal sends its next command a
 * fixed delay after the previous one was answered (or failed), on a scheduler rather than sleeping threads.
 */
final class Load implements AutoCloseable {

    private final CommandHttp http;
    private final List<JournalStream> journals;
    private final ScheduledExecutorService scheduler;

    private Load(CommandHttp http, List<JournalStream> journals) {
        this.http = http;
        this.journals = journals;
        this.scheduler = Executors.newScheduledThreadPool(
                journals.size(), Thread.ofPlatform().daemon().name("load-", 0).factory());
    }

    static Load start(StackEndpoints stack, String person, int journals, Duration interval) {
        String token = DemoTokens.issue(stack.http(), stack.url(Service.IDENTITY), person);
        CommandHttp http = new CommandHttp(stack.url(Service.COMMAND), token);
        List<JournalStream> streams = IntStream.range(0, journals)
                .mapToObj(i -> JournalStream.open(http, "Partner " + i))
                .toList();
        Load load = new Load(http, streams);
        for (JournalStream stream : streams) {
            load.scheduler.scheduleWithFixedDelay(
                    () -> load.send(stream), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return load;
    }

    private void send(JournalStream stream) {
        try {
            stream.sendNext();
        } catch (RuntimeException e) {
            // A thrown task is never scheduled again: report it and keep the stream going.
            System.err.println("Load: " + stream.journalId() + ": " + e);
        }
    }

    int accepted() {
        return journals.stream().mapToInt(journal -> journal.accepted().size()).sum();
    }

    /** Each journal's version as last answered: what the views must reach. */
    Map<String, Long> lastVersions() {
        return journals.stream().collect(Collectors.toMap(JournalStream::journalId, JournalStream::lastVersion));
    }

    void awaitAccepted(int more, Duration atMost) {
        int target = accepted() + more;
        await().atMost(atMost).until(() -> accepted() >= target);
    }

    /** Stops making new commands; those still unanswered are then resolved by {@link #settle()}. */
    void stop() throws InterruptedException {
        scheduler.shutdown();
        if (!scheduler.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The load did not stop within 60 s");
        }
    }

    /** Sends every unanswered command again (same key) until each has an answer: nothing is left in doubt. */
    void settle() {
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> journals.stream().allMatch(JournalStream::retryPending));
    }

    List<JournalStream> journals() {
        return journals;
    }

    List<Outcome> outcomes() {
        return http.outcomes();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
