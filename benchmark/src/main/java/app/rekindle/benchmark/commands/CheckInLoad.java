package app.rekindle.benchmark.commands;

import app.rekindle.benchmark.Plateau;
import app.rekindle.benchmark.Testbed;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The command load of the throughput measurements: closed-loop clients sending check-ins (with a free-text note,
 * so that a sealing service has something to encrypt) to one command service. Each client writes to journals of
 * its own on that service, so clients never contend for one journal.
 */
public final class CheckInLoad {

    public static final int[] CONCURRENCY = {1, 4};

    private static final int JOURNALS_PER_CLIENT = 4;
    private static final String CHECK_IN = "{\"mood\":4,\"connection\":3,\"note\":\"Walked by the river after dinner "
            + "and talked about the summer\"}";

    private final Testbed bed;
    private final URI commandUrl;
    private final List<List<UUID>> journalsByClient = new ArrayList<>();

    /** Opens the journals of up to {@code maxClients} clients on the command service at {@code commandUrl}. */
    public CheckInLoad(Testbed bed, URI commandUrl, int maxClients) {
        this(bed, commandUrl, maxClients, () -> bed.openJournal(commandUrl));
    }

    private CheckInLoad(Testbed bed, URI commandUrl, int maxClients, Supplier<UUID> journal) {
        this.bed = bed;
        this.commandUrl = commandUrl;
        for (int c = 0; c < maxClients; c++) {
            List<UUID> journals = new ArrayList<>();
            for (int j = 0; j < JOURNALS_PER_CLIENT; j++) {
                journals.add(journal.get());
            }
            journalsByClient.add(journals);
        }
    }

    /** The same load against a service that has no journals to open (the CRUD baseline): any new id will do. */
    public static CheckInLoad withoutOpening(Testbed bed, URI commandUrl, int maxClients) {
        return new CheckInLoad(bed, commandUrl, maxClients, UUID::randomUUID);
    }

    public static int maxClients() {
        return CONCURRENCY[CONCURRENCY.length - 1];
    }

    public static int journalsPerClient() {
        return JOURNALS_PER_CLIENT;
    }

    /** Every journal the load writes to. */
    public List<UUID> journals() {
        return journalsByClient.stream().flatMap(List::stream).toList();
    }

    /**
     * Unrecorded phases until the service's rate has stopped rising ({@link Plateau#RATE}: the mean of the last three
     * phases within 3% of the three before) while its JIT compiler was quiet over those three phases ({@link
     * #compilerQuiet}), or until {@code limit}: rounds taken while the service is still getting faster (on two cores
     * its C2 compiler works for minutes) measure its warm-up, not the service. Each phase's rate and compilation time
     * go to the console.
     *
     * @return the warm-up's phases, settled or not
     */
    public WarmUp warmUp(String name, int clients, Duration limit) throws Exception {
        JitCompilationTime compilation = new JitCompilationTime(bed, commandUrl);
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        double compiledAtStart = compilation.millis();
        double compiled = compiledAtStart;
        List<Double> rates = new ArrayList<>();
        List<Double> compiledAfter = new ArrayList<>();
        List<Long> endedAt = new ArrayList<>();
        while (true) {
            rates.add(run(clients));
            endedAt.add(System.nanoTime());
            double compiledNow = compilation.millis();
            compiledAfter.add(compiledNow);
            boolean level = Plateau.RATE.stoppedRising(rates);
            boolean settled = level && compilerQuiet(compiledAtStart, started, compiledAfter, endedAt);
            System.out.printf(
                    Locale.ROOT,
                    "  commands, %s warm-up phase %d: %.0f/s, JIT compilation %.0f ms so far (+%.0f ms)%s%n",
                    name,
                    rates.size(),
                    rates.getLast(),
                    compiledNow,
                    compiledNow - compiled,
                    settled ? ", rate settled" : level ? ", rate level while the JIT compiles" : "");
            compiled = compiledNow;
            if (settled || System.nanoTime() > deadline) {
                if (!settled) {
                    System.out.printf(
                            Locale.ROOT,
                            "  commands, %s: rate still rising after %d warm-up phases (limit %d s)%n",
                            name,
                            rates.size(),
                            limit.toSeconds());
                }
                return new WarmUp(
                        rates.size(),
                        settled,
                        (System.nanoTime() - started) / 1e9,
                        rates.getLast(),
                        compiledNow,
                        compiledNow - compiledAtStart);
            }
        }
    }

    /**
     * Whether the service's JIT compiler was quiet ({@link JitSettling#quiet}) over the phases of the rate's last
     * window ({@link Plateau#RATE}): a rate level while the compiler still works is no plateau. The compiler takes a
     * core from the load while it works, and its rate dips, then climbs past where it was: in the full run of
     * 2026-12-05 (20:49) the rate of 8-second phases went 223, 226, 202, 201/s with 8 s of compilation in each, and the
     * rate alone called it settled at a third of what the service reached before.
     *
     * @param compiledAtStart compilation milliseconds before the first phase, at {@code startedAt}
     * @param compiledAfter   after each phase, oldest first
     * @param endedAt         when each phase ended ({@link System#nanoTime})
     */
    static boolean compilerQuiet(
            double compiledAtStart, long startedAt, List<Double> compiledAfter, List<Long> endedAt) {
        int window = Plateau.RATE.window();
        int phases = compiledAfter.size();
        if (phases < window) {
            return false;
        }
        double before = phases > window ? compiledAfter.get(phases - window - 1) : compiledAtStart;
        long from = phases > window ? endedAt.get(phases - window - 1) : startedAt;
        return JitSettling.quiet(before, compiledAfter.getLast(), (endedAt.getLast() - from) / 1e6);
    }

    /**
     * How a warm-up ended: after how many phases and seconds, whether the rate had settled (level, the compiler quiet), the last phase's rate,
     * the service's compilation time then and how much of it was compiled during the warm-up.
     */
    public record WarmUp(
            int phases,
            boolean settled,
            double seconds,
            double lastRate,
            double compilationMillis,
            double compiledDuringMillis) {}

    /** One phase of {@code clients} clients; returns check-ins answered 201 per second. */
    public double run(int clients) throws Exception {
        return ClosedLoop.run(clients, client -> {
            List<UUID> journals = journalsByClient.get(client);
            long done = 0;
            long deadline = System.nanoTime() + bed.mode().phase().toNanos();
            while (System.nanoTime() < deadline) {
                UUID journal = journals.get((int) (done % journals.size()));
                HttpRequest request = bed.command(commandUrl, "/journals/" + journal + "/check-ins")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(CHECK_IN))
                        .build();
                int status = bed.send(request).statusCode();
                if (status != 201) {
                    throw new IllegalStateException("A check-in answered " + status);
                }
                done++;
            }
            return done;
        });
    }
}
