package app.rekindle.benchmark.scale;

import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.Topics;
import app.rekindle.benchmark.lag.EndToEndLag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The live query service projecting a fill's live part: its consumer group's committed offsets on the journal
 * topic, sampled every 100 ms, and from them its rate over the live part, sent at once when the views already
 * hold the rest of the fill: the rate at which the query service projects with views of that size.
 */
final class ProjectionWatch implements AutoCloseable {

    private record Sample(long nanos, long committed) {}

    private final Admin admin;
    private final String topic;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final Thread sampling;
    private volatile boolean running = true;
    private volatile Exception failure;

    ProjectionWatch(Testbed bed) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bed.kafka()));
        this.topic = bed.topic();
        this.sampling = Thread.ofPlatform().name("scale-projection-watch").start(this::sample);
    }

    private void sample() {
        try {
            while (running) {
                samples.add(new Sample(System.nanoTime(), Topics.committedSum(admin, EndToEndLag.QUERY_GROUP, topic)));
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        }
    }

    /**
     * Events per second from the last sample at which the group had committed no more than {@code from} (records
     * from there on were sent at once, when it had caught up) to the first at which it had committed {@code to}
     * (call once it has: a last sample is taken then if the sampling has not seen it yet); NaN if there are not two
     * such samples.
     */
    double rate(long from, long to) throws Exception {
        if (firstAt(to) == null) {
            samples.add(new Sample(System.nanoTime(), Topics.committedSum(admin, EndToEndLag.QUERY_GROUP, topic)));
        }
        Sample start = lastAtMost(from);
        Sample end = firstAt(to);
        System.out.printf(
                Locale.ROOT,
                "  scale: %d samples of the query service's offsets; from %,d at %s to %,d at %s%n",
                samples.size(),
                from,
                start,
                to,
                end);
        if (start == null || end == null || end.nanos() <= start.nanos()) {
            return Double.NaN;
        }
        return (end.committed() - start.committed()) / ((end.nanos() - start.nanos()) / 1e9);
    }

    private Sample lastAtMost(long committed) {
        Sample last = null;
        for (Sample sample : samples) {
            if (sample.committed() <= committed) {
                last = sample;
            }
        }
        return last;
    }

    private Sample firstAt(long committed) {
        return samples.stream()
                .filter(s -> s.committed() >= committed)
                .findFirst()
                .orElse(null);
    }

    @Override
    public void close() {
        running = false;
        try {
            sampling.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        admin.close();
        if (failure != null) {
            throw new IllegalStateException("Could not read the query service's offsets", failure);
        }
    }
}
