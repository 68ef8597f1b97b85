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
 * The live query service projecting a preload: its consumer group's committed offsets on the journal topic,
 * sampled every 250 ms, and from them its rate over the end of the preload, when the views already hold nearly
 * all of it: the rate at which a store of that size is projected (and, from a topic that size, rebuilt).
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
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        }
    }

    /**
     * Events per second between the first samples at which the group had committed {@code from} and {@code to}
     * (call once it has committed {@code to}: a last sample is taken then if the sampling has not seen it yet); NaN
     * if there are not two such samples.
     */
    double rate(long from, long to) throws Exception {
        if (firstAt(to) == null) {
            samples.add(new Sample(System.nanoTime(), Topics.committedSum(admin, EndToEndLag.QUERY_GROUP, topic)));
        }
        Sample start = firstAt(from);
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
