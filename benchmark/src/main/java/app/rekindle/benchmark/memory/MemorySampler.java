package app.rekindle.benchmark.memory;

import app.rekindle.benchmark.Testbed;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Once a second, for each service process: its resident set ({@code VmRSS}, and the kernel's own high-water
 * mark {@code VmHWM}) from {@code /proc/<pid>/status}, and its used heap from the scrape's
 * {@code jvm_memory_used_bytes{area="heap"}}. Keeps the peaks.
 */
public final class MemorySampler implements AutoCloseable {

    private static final Pattern HEAP_POOL =
            Pattern.compile("(?m)^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$");

    /** Peaks in bytes; -1 where nothing could be read (e.g. no /proc outside Linux). */
    public record Peak(long rss, long heap) {}

    private record Watched(ProcessHandle process, URI service) {}

    private final Testbed bed;
    private final Map<String, Watched> watched = new ConcurrentHashMap<>();
    private final Map<String, long[]> peaks = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    public MemorySampler(Testbed bed) {
        this.bed = bed;
        this.thread = Thread.ofPlatform().daemon().name("memory-sampler").start(this::loop);
    }

    public void watch(String name, ProcessHandle process, URI service) {
        peaks.putIfAbsent(name, new long[] {-1, -1});
        watched.put(name, new Watched(process, service));
    }

    /** Takes a last sample of a process about to be stopped, then stops watching it. */
    public void forget(String name) {
        Watched w = watched.remove(name);
        if (w != null) {
            sample(name, w);
        }
    }

    public Map<String, Peak> peaks() {
        Map<String, Peak> result = new LinkedHashMap<>();
        List.copyOf(peaks.keySet()).stream()
                .sorted()
                .forEach(name -> result.put(name, new Peak(peaks.get(name)[0], peaks.get(name)[1])));
        return result;
    }

    private void loop() {
        while (running) {
            watched.forEach(this::sample);
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample(String name, Watched w) {
        long[] peak = peaks.get(name);
        long rss = Math.max(statusKiB(w.process(), "VmHWM:"), statusKiB(w.process(), "VmRSS:"));
        if (rss > 0) {
            peak[0] = Math.max(peak[0], rss * 1024);
        }
        if (w.service() != null) {
            peak[1] = Math.max(peak[1], heapUsed(w.service()));
        }
    }

    private static long statusKiB(ProcessHandle process, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(
                            line.substring(field.length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException gone) {
            // Not Linux, or the process has ended.
        }
        return -1;
    }

    /**
     * Heap in use, summed over the heap pools of the public Prometheus scrape (the rest of the actuator, such as
     * /actuator/metrics, is for operators only).
     */
    private long heapUsed(URI service) {
        try {
            HttpResponse<String> answer = bed.http()
                    .send(
                            HttpRequest.newBuilder(service.resolve("/actuator/prometheus"))
                                    .timeout(Duration.ofSeconds(2))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return -1;
            }
            Matcher pool = HEAP_POOL.matcher(answer.body());
            double used = 0;
            boolean found = false;
            while (pool.find()) {
                used += Double.parseDouble(pool.group(1));
                found = true;
            }
            return found ? (long) used : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Override
    public void close() {
        watched.forEach(this::sample);
        running = false;
        thread.interrupt();
    }
}
