package app.rekindle.benchmark.encryption;

import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.commands.CheckInLoad;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What sealing free text costs command throughput: the command load of section 1 against the Testbed's command
 * service (which seals) and against a second process of the same jar that does not, same PostgreSQL, Kafka and
 * topic, phases interleaved round by round (plain, sealed, plain, sealed ...) so each pair saw the same load.
 */
public final class EncryptionCost {

    private static final int MOST_ROUNDS = 2;

    private final Testbed bed;

    public EncryptionCost(Testbed bed) {
        this.bed = bed;
    }

    public void run(Report report) throws Exception {
        Report.Section section = report.section(
                "7. Encryption cost",
                "the same command service with `REKINDLE_CRYPTO_ENABLED=false` (a second process of the same jar on "
                        + "the same PostgreSQL, Kafka and topic), same load, phases interleaved");
        try (PlainCommandService plainService = PlainCommandService.start(bed)) {
            int maxClients = CheckInLoad.maxClients();
            CheckInLoad sealed = new CheckInLoad(bed, bed.commandUrl(), maxClients);
            CheckInLoad plain = new CheckInLoad(bed, plainService.url(), maxClients);
            // Warm-up, unrecorded: the second process has just started and its JIT has seen nothing yet.
            plain.run(maxClients);
            sealed.run(maxClients);
            for (int clients : CheckInLoad.CONCURRENCY) {
                List<Double> plainRates = new ArrayList<>();
                List<Double> sealedRates = new ArrayList<>();
                for (int round = 0; round < rounds(); round++) {
                    plainRates.add(plain.run(clients));
                    sealedRates.add(sealed.run(clients));
                    System.out.printf(
                            "  encryption, %d client(s), round %d: plain %.0f/s, sealed %.0f/s%n",
                            clients, round + 1, plainRates.getLast(), sealedRates.getLast());
                }
                section.rows()
                        .add(new Report.Row(
                                "check-ins, " + clients + " client(s), sealed vs plain",
                                "commands/s",
                                Spread.of(sealedRates).median(),
                                Spread.of(plainRates).median(),
                                Spread.ofRatios(sealedRates, plainRates),
                                null,
                                null));
            }
            double sealedBytes = meanCheckInPayload(sealed.journals());
            double plainBytes = meanCheckInPayload(plain.journals());
            section.rows()
                    .add(new Report.Row(
                            "stored check-in payload, sealed vs plain",
                            "bytes/event",
                            sealedBytes,
                            plainBytes,
                            Spread.of(List.of(sealedBytes / plainBytes)),
                            null,
                            null));
        }
        section.notes()
                .add("Rekindle column = sealed: the Testbed's command service, which encrypts each "
                        + "check-in's note under its journal's data key before storing it; Baseline column = plain, the "
                        + "second process. Each writes only to journals it opened. Payload bytes: mean length of "
                        + "`domain_event_entry.payload` of those journals' CheckedIn events.");
        section.notes()
                .add(rounds() + " rounds at each concurrency (no target here; the full run's time goes to the "
                        + "measurements that have one).");
    }

    private double meanCheckInPayload(List<UUID> journals) throws SQLException {
        try (Connection events = bed.connect("events");
                PreparedStatement select = events.prepareStatement("""
                     select avg(length(payload)) from events.domain_event_entry
                     where aggregate_identifier = any (?) and payload_type like '%CheckedIn'""")) {
            select.setArray(
                    1,
                    events.createArrayOf(
                            "varchar", journals.stream().map(UUID::toString).toArray()));
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getDouble(1);
            }
        }
    }

    /**
     * At most {@link #MOST_ROUNDS}: the section has no target, and the full run must fit in 45 minutes (issue #17);
     * three fewer rounds at two concurrencies save about 120 s of the full run (two rounds
     * give a figure and its spread, not a judged ratio).
     */
    private int rounds() {
        return Math.min(MOST_ROUNDS, bed.mode().rounds());
    }
}
