package app.rekindle.benchmark;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Constant-rate load that does not wait for answers: request {@code i} is due at {@code start + i / rate} and
 * starts on its own virtual thread then, however slow earlier ones are. Tasks get their due time, so latency is
 * measured from when the request should have been sent: a stalled system is not let off by sending less
 * (no coordinated omission).
 */
public final class OpenLoop {

    public interface Task {
        void run(long index, long dueNanos) throws Exception;
    }

    private OpenLoop() {}

    /** Runs the load for {@code length}; returns the time the last request was due, once all have finished. */
    public static long run(double perSecond, Duration length, Task task) throws InterruptedException {
        long interval = (long) (1e9 / perSecond);
        long requests = Math.max(1, (long) (length.toNanos() / (double) interval));
        long start = System.nanoTime() + 10_000_000;
        long lastDue = start;
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (long i = 0; i < requests; i++) {
                long due = start + i * interval;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long index = i;
                threads.execute(() -> {
                    try {
                        task.run(index, due);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                lastDue = due;
            }
            threads.shutdown();
            if (!threads.awaitTermination(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("Requests still running two minutes after the load ended");
            }
        }
        return lastDue;
    }
}
