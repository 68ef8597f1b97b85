package app.rekindle.benchmark.commands;

import java.time.Duration;

/**
 * One closed-loop phase and what it cost a service process: commands per second, and the process's CPU time
 * (user + system, as the kernel counts it) per command answered over that phase, in milliseconds.
 */
public record CpuPerCommand(double rate, double cpuMillis) {

    public interface Phase {
        /** Runs the phase; returns commands answered per second. */
        double run() throws Exception;
    }

    /** {@code cpuMillis} is NaN when the process is unknown or the platform does not tell its CPU time. */
    public static CpuPerCommand measure(ProcessHandle service, Phase phase) throws Exception {
        Duration before = cpu(service);
        long started = System.nanoTime();
        double rate = phase.run();
        double seconds = (System.nanoTime() - started) / 1e9;
        Duration after = cpu(service);
        if (before == null || after == null || rate <= 0) {
            return new CpuPerCommand(rate, Double.NaN);
        }
        return new CpuPerCommand(rate, after.minus(before).toNanos() / 1e6 / (rate * seconds));
    }

    private static Duration cpu(ProcessHandle service) {
        return service == null ? null : service.info().totalCpuDuration().orElse(null);
    }
}
