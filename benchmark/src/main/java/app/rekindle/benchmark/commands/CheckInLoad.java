package app.rekindle.benchmark.commands;

import app.rekindle.benchmark.Testbed;
import java.net.URI;
import java.net.http.HttpRequest;
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
     * Unrecorded phases until the service's JIT has settled ({@link JitSettling}: its compilation time grew by
     * less than 2% and by less than a tenth of the phase's length during a phase whose rate came within 10% of the
     * one before), or until the mode's {@link
     * app.rekindle.benchmark.Mode#warmUpLimit}: rounds taken while the C2 compiler is still at work measure the
     * compiler, not the service. Each phase's rate and compilation time go to the console.
     *
     * @return the warm-up's phases, settled or not
     */
    public WarmUp warmUp(String name, int clients) throws Exception {
        JitCompilationTime compilation = new JitCompilationTime(bed, commandUrl);
        long deadline = System.nanoTime() + bed.mode().warmUpLimit().toNanos();
        double compiled = compilation.millis();
        double previousRate = Double.NaN;
        for (int phase = 1; ; phase++) {
            double rate = run(clients);
            double compiledNow = compilation.millis();
            boolean settled = JitSettling.settled(
                    compiled, compiledNow, bed.mode().phase().toMillis(), previousRate, rate);
            System.out.printf(
                    Locale.ROOT,
                    "  commands, %s warm-up phase %d: %.0f/s, JIT compilation %.0f ms so far (+%.0f ms)%s%n",
                    name,
                    phase,
                    rate,
                    compiledNow,
                    compiledNow - compiled,
                    settled ? ", settled" : "");
            if (settled || System.nanoTime() > deadline) {
                if (!settled) {
                    System.out.printf(
                            Locale.ROOT,
                            "  commands, %s: JIT not settled after %d warm-up phases (limit %d s)%n",
                            name,
                            phase,
                            bed.mode().warmUpLimit().toSeconds());
                }
                return new WarmUp(phase, settled, compiledNow);
            }
            previousRate = rate;
            compiled = compiledNow;
        }
    }

    /** How a warm-up ended: after how many phases, whether the JIT had settled, its compilation time then. */
    public record WarmUp(int phases, boolean settled, double compilationMillis) {}

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
