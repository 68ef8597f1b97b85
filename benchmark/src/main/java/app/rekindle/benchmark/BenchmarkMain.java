package app.rekindle.benchmark;

import app.rekindle.benchmark.batches.BatchThroughput;
import app.rekindle.benchmark.commands.CommandThroughput;
import app.rekindle.benchmark.encryption.EncryptionCost;
import app.rekindle.benchmark.journallength.ReadsByJournalLength;
import app.rekindle.benchmark.lag.EndToEndLag;
import app.rekindle.benchmark.memory.MemorySampler;
import app.rekindle.benchmark.publishing.PublisherCapacity;
import app.rekindle.benchmark.rebuild.RebuildSpeed;
import app.rekindle.benchmark.replay.ReplayAsOf;
import app.rekindle.benchmark.scale.CostsAtScale;
import app.rekindle.benchmark.timeline.TimelineReads;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code ./rekindle bench [quick|full]}: starts the real stack, runs every measurement against its raw baseline
 * (interleaved round by round), and writes {@code report.md} and {@code report.json}.
 */
public final class BenchmarkMain {

    private static final double GIB = 1024.0 * 1024 * 1024;
    private static final double MIB = 1024.0 * 1024;

    /** Ten times what the command service reaches on the two-core build machine. */
    private static final double MAX_FIXED_COMMAND_RATE = 10_000;

    private BenchmarkMain() {}

    public static void main(String[] args) {
        Mode mode;
        try {
            mode = Mode.named(args.length > 0 ? args[0] : "quick");
            fixedCommandRate();
        } catch (IllegalArgumentException wrongSetting) {
            System.err.println(wrongSetting.getMessage());
            System.exit(2);
            return;
        }
        Path output = Path.of(args.length > 1 ? args[1] : "benchmark/target").toAbsolutePath();
        Report report = run(mode, output);
        System.out.println();
        System.out.println(report.markdown());
        System.out.println("Written to " + output.resolve("report.md") + " and report.json; " + report.failedTargets()
                + " target(s) missed.");
        // Kafka and JDBC leave non-daemon threads behind now and then; the run is over.
        System.exit(report.errors().isEmpty() ? 0 : 1);
    }

    /**
     * The fixed command rate the lag runs at half of, if {@code -Drekindle.bench.commandRate}
     * ({@code REKINDLE_BENCH_COMMAND_RATE}) gives one, to compare two builds' lag at one rate; otherwise the lag runs at
     * half the rate the command section measures. Checked before the stack starts, so a wrong value costs no run.
     */
    static OptionalDouble fixedCommandRate() {
        String fixed = System.getProperty("rekindle.bench.commandRate", "").strip();
        if (fixed.isEmpty()) {
            return OptionalDouble.empty();
        }
        double rate;
        try {
            rate = Double.parseDouble(fixed);
        } catch (NumberFormatException notANumber) {
            rate = Double.NaN;
        }
        // The lag's open loop runs at half this rate: a huge one would fill this JVM's heap with due requests.
        if (!Double.isFinite(rate) || rate <= 0 || rate > MAX_FIXED_COMMAND_RATE) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT,
                    "REKINDLE_BENCH_COMMAND_RATE must be check-ins per second above 0 and at most %.0f, not '%s'",
                    MAX_FIXED_COMMAND_RATE,
                    fixed));
        }
        return OptionalDouble.of(rate);
    }

    /** Runs everything and writes the report into {@code output}; a measurement that breaks is noted, not fatal. */
    @SuppressWarnings("try") // memory.close() stops the sampler early, before the measurements it must not watch
    public static Report run(Mode mode, Path output) {
        OptionalDouble fixedCommandRate = fixedCommandRate();
        Report report = new Report(mode);
        long started = System.nanoTime();
        System.out.println("Rekindle benchmark (" + mode.name() + "): starting the stack; service logs in "
                + output.resolve("services.log"));
        try (Testbed bed = Testbed.start(mode, output.resolve("services.log"));
                MemorySampler memory = new MemorySampler(bed)) {
            bed.service("command-service.jar").ifPresent(p -> memory.watch("command-service", p, bed.commandUrl()));
            bed.service("query-service.jar").ifPresent(p -> memory.watch("query-service", p, bed.queryUrl()));
            System.out.printf(
                    Locale.ROOT,
                    "Stack up in %.1f s%n",
                    bed.stack().startupTime().toMillis() / 1000.0);
            report.wallTimes().add(new Report.WallTime("starting the stack", secondsSince(started)));

            double commandRate = measure(report, "command throughput", () -> new CommandThroughput(bed).run(report));
            double publisherRate =
                    measure(report, "publisher capacity", () -> new PublisherCapacity(bed).run(report, commandRate));
            measure(report, "end-to-end lag", () -> {
                new EndToEndLag(bed).run(report, fixedCommandRate.orElse(commandRate));
                return 0;
            });
            measure(report, "timeline reads", () -> {
                new TimelineReads(bed).run(report);
                return 0;
            });
            double rebuildRate = measure(report, "rebuild", () -> new RebuildSpeed(bed, memory).run(report));
            memory.close();
            memorySection(report, memory.peaks(), commandRate, publisherRate, rebuildRate);
            measure(report, "replay as-of", () -> {
                new ReplayAsOf(bed).run(report);
                return 0;
            });
            measure(report, "encryption cost", () -> {
                new EncryptionCost(bed).run(report);
                return 0;
            });
            measure(report, "batch commands", () -> {
                new BatchThroughput(bed).run(report);
                return 0;
            });
            measure(report, "journal length", () -> {
                new ReadsByJournalLength(bed).run(report);
                return 0;
            });
            // Last: it leaves millions of events in the store and on the topic, which no other section should see.
            measure(report, "scale", () -> {
                new CostsAtScale(bed).run(report);
                return 0;
            });
            UnreadRecords.check(bed, report);
        } catch (SQLException e) {
            report.errors().add("checking the query service's dead letters: " + e);
        }
        report.finish();
        report.write(output);
        return report;
    }

    private interface Measurement {
        double run() throws Exception;
    }

    private static double measure(Report report, String name, Measurement measurement) {
        // -Drekindle.bench.only=commands,publisher runs only those (by the start of their name), e.g. to compare
        // one setting of the services with another without waiting for the rest.
        String only = System.getProperty("rekindle.bench.only", "");
        if (!only.isBlank() && java.util.Arrays.stream(only.split(",")).noneMatch(name::startsWith)) {
            return Double.NaN;
        }
        System.out.println("Measuring " + name + " ...");
        long started = System.nanoTime();
        try {
            return measurement.run();
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            report.errors().add(name + ": " + e);
            return Double.NaN;
        } finally {
            double seconds = secondsSince(started);
            report.wallTimes().add(new Report.WallTime(name, seconds));
            System.out.printf(Locale.ROOT, "  %s took %.0f s%n", name, seconds);
        }
    }

    private static double secondsSince(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private static void memorySection(
            Report report,
            Map<String, MemorySampler.Peak> peaks,
            double commandRate,
            double publisherRate,
            double rebuildRate) {
        Report.Section section = report.section("5. Memory", null);
        peaks.forEach((name, peak) -> {
            section.rows().add(new Report.Row(name + ": peak RSS", "MiB", mib(peak.rss()), null, null, null, null));
            section.rows()
                    .add(new Report.Row(name + ": peak heap used", "MiB", mib(peak.heap()), null, null, null, null));
        });
        MemorySampler.Peak command = peaks.get("command-service");
        MemorySampler.Peak rebuild = peaks.get("query-service (rebuild)");
        if (command != null && command.rss() > 0) {
            section.rows()
                    .add(new Report.Row(
                            "command-service: commands/s per GiB RSS (4 clients)",
                            "/s/GiB",
                            commandRate / (command.rss() / GIB),
                            null,
                            null,
                            null,
                            null));
            section.rows()
                    .add(new Report.Row(
                            "command-service: published events/s per GiB RSS",
                            "/s/GiB",
                            publisherRate / (command.rss() / GIB),
                            null,
                            null,
                            null,
                            null));
        }
        if (rebuild != null && rebuild.rss() > 0) {
            section.rows()
                    .add(new Report.Row(
                            "query-service: rebuilt events/s per GiB RSS",
                            "/s/GiB",
                            rebuildRate / (rebuild.rss() / GIB),
                            null,
                            null,
                            null,
                            null));
        }
        section.notes()
                .add("RSS is the larger of VmHWM and VmRSS from /proc/<pid>/status, heap the actuator's "
                        + "jvm.memory.used{area=heap}, sampled every second; each service runs with -Xmx384m.");
    }

    private static Double mib(long bytes) {
        return bytes < 0 ? null : bytes / MIB;
    }
}
