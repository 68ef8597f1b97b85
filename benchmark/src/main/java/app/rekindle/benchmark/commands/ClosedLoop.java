package app.rekindle.benchmark.commands;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Closed-loop clients side by side: each sends, waits for the answer, sends the next, until its phase ends. */
public final class ClosedLoop {

    /** One client's loop; returns how many commands it completed. */
    public interface Client {
        long run(int client) throws Exception;
    }

    private ClosedLoop() {}

    /** Runs {@code clients} clients side by side for one phase; returns completed commands per second. */
    public static double run(int clients, Client client) throws Exception {
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            long started = System.nanoTime();
            List<Future<Long>> results = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int id = c;
                results.add(pool.submit((Callable<Long>) () -> client.run(id)));
            }
            long total = 0;
            for (Future<Long> result : results) {
                total += result.get();
            }
            return total / ((System.nanoTime() - started) / 1e9);
        }
    }
}
