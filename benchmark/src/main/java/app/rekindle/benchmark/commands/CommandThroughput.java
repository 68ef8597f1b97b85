package app.rekindle.benchmark.commands;

import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.Spread;
import app.rekindle.benchmark.Testbed;
import app.rekindle.benchmark.crud.CrudService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed loop: each of {@code c} clients sends a check-in, waits for the answer, sends the next, for one phase.
 * Each client writes to journals of its own, so clients never contend for one journal. The baseline is what
 * the event store cannot do without: one transaction per command inserting an event row of the same bytes into
 * a table shaped like Axon's, from the same number of clients.
 */
public final class CommandThroughput {

    private final Testbed bed;
    private final AtomicLong baselineJournals = new AtomicLong();

    public CommandThroughput(Testbed bed) {
        this.bed = bed;
    }

    /** @return Rekindle's median commands/s at the highest concurrency: the maximum rate the lag test works from */
    public double run(Report report) throws Exception {
        Report.Section section = report.section(
                "1. Command throughput",
                "the CRUD service a team would write instead (Spring Boot, Tomcat, the same JWT checked by Spring "
                        + "Security's resource server, the same body bound by Jackson and validated, one durable "
                        + "JDBC commit inserting the event row; a child process with the same heap limit), and "
                        + "below it the floor: plain JDBC, one transaction per command inserting an event row of the "
                        + "same bytes into a copy of `domain_event_entry` (schema `bench`); same number of clients");
        int maxClients = CheckInLoad.maxClients();
        CheckInLoad load = new CheckInLoad(bed, bed.commandUrl(), maxClients);
        try (CrudService crudService = CrudService.start(bed)) {
            CheckInLoad crud = CheckInLoad.withoutOpening(bed, crudService.url(), maxClients);
            // Warm-up, unrecorded: a stored check-in to copy the baseline's row from, and the JIT. On two cores the
            // services take a minute or two of load to reach their compiled speed, and rounds taken while they still
            // climb measure the compiler, not the service: phases run until each service's JIT has settled.
            CheckInLoad.WarmUp rekindleWarmUp = load.warmUp("Rekindle", maxClients);
            CheckInLoad.WarmUp crudWarmUp = crud.warmUp("CRUD", maxClients);
            EventRowTable.Template template;
            try (Connection events = bed.connect("events")) {
                EventRowTable.create(events);
                template = EventRowTable.template(events, "CheckedIn");
            }
            baseline(maxClients, template);

            double maxRate = 0;
            ProcessHandle commandService = bed.service("command-service.jar").orElse(null);
            for (int clients : CheckInLoad.CONCURRENCY) {
                List<Double> raw = new ArrayList<>();
                List<Double> crudRates = new ArrayList<>();
                List<Double> rekindle = new ArrayList<>();
                List<Double> rekindleCpu = new ArrayList<>();
                List<Double> crudCpu = new ArrayList<>();
                for (int round = 0; round < bed.mode().rounds(); round++) {
                    raw.add(baseline(clients, template));
                    CpuPerCommand crudPhase = CpuPerCommand.measure(crudService.process(), () -> crud.run(clients));
                    crudRates.add(crudPhase.rate());
                    crudCpu.add(crudPhase.cpuMillis());
                    CpuPerCommand phase = CpuPerCommand.measure(commandService, () -> load.run(clients));
                    rekindle.add(phase.rate());
                    rekindleCpu.add(phase.cpuMillis());
                    System.out.printf(
                            Locale.ROOT,
                            "  commands, %d client(s), round %d: raw JDBC %.0f/s, CRUD %.0f/s "
                                    + "(%.2f ms CPU each), Rekindle %.0f/s (%.2f ms CPU each)%n",
                            clients,
                            round + 1,
                            raw.getLast(),
                            crudRates.getLast(),
                            crudCpu.getLast(),
                            rekindle.getLast(),
                            rekindleCpu.getLast());
                }
                Spread againstCrud = Spread.ofRatios(rekindle, crudRates);
                double median = Spread.of(rekindle).median();
                section.rows()
                        .add(new Report.Row(
                                "check-ins, " + clients + " client(s), against the CRUD service",
                                "commands/s",
                                median,
                                Spread.of(crudRates).median(),
                                againstCrud,
                                "≥ 0.5× CRUD",
                                againstCrud.median() >= 0.5));
                section.rows()
                        .add(new Report.Row(
                                "check-ins, " + clients + " client(s), against raw JDBC (floor)",
                                "commands/s",
                                median,
                                Spread.of(raw).median(),
                                Spread.ofRatios(rekindle, raw),
                                null,
                                null));
                Spread cpu = Spread.of(rekindleCpu);
                boolean judged = clients == maxClients && commandService != null;
                section.rows()
                        .add(new Report.Row(
                                "service CPU per check-in, " + clients + " client(s)",
                                "ms",
                                cpu.median(),
                                Spread.of(crudCpu).median(),
                                Spread.ofRatios(rekindleCpu, crudCpu),
                                judged ? "Rekindle ≤ 1.0 ms" : null,
                                judged ? cpu.median() <= 1.0 : null));
                maxRate = Math.max(maxRate, median);
            }
            section.notes()
                    .add("Each command is a check-in over HTTP to the command service (Axon aggregate "
                            + "loaded, rules checked, event sealed and appended, then published to Kafka by the same "
                            + "process and projected by the query service), answered 201.");
            section.notes().add(warmUpNote(rekindleWarmUp, crudWarmUp));
            section.notes()
                    .add("Each round runs raw JDBC, then the CRUD service, then Rekindle. Service CPU per "
                            + "check-in: the process's CPU time (user + system, `ProcessHandle.info().totalCpuDuration()`) "
                            + "over the phase divided by the check-ins answered; the command service's includes its "
                            + "publisher. Baseline column there = the CRUD service's.");
            return maxRate;
        }
    }

    private String warmUpNote(CheckInLoad.WarmUp rekindle, CheckInLoad.WarmUp crud) {
        return String.format(
                Locale.ROOT,
                "Rounds start once each service's JIT has settled, Rekindle and the CRUD service warmed by the same "
                        + "rule: unrecorded %.0f-second phases at %d clients until one in which the service's JIT "
                        + "compilation time (`jvm_compilation_time_ms_total` of its Prometheus scrape) grew by less than "
                        + "%.0f%% and by less than %.0f%% of the phase's length, and whose rate came within %.0f%% of "
                        + "the phase before, for at most %d s. "
                        + "Rekindle: %s after %d phases (%.0f ms of compilation); the CRUD service: %s after %d "
                        + "phases (%.0f ms).",
                bed.mode().phase().toMillis() / 1000.0,
                CheckInLoad.maxClients(),
                JitSettling.GROWTH * 100,
                JitSettling.PHASE_SHARE * 100,
                JitSettling.RATE_AGREEMENT * 100,
                bed.mode().warmUpLimit().toSeconds(),
                rekindle.settled() ? "settled" : "not settled",
                rekindle.phases(),
                rekindle.compilationMillis(),
                crud.settled() ? "settled" : "not settled",
                crud.phases(),
                crud.compilationMillis());
    }

    private double baseline(int clients, EventRowTable.Template template) throws Exception {
        return ClosedLoop.run(clients, client -> {
            String[] journals = new String[CheckInLoad.journalsPerClient()];
            for (int j = 0; j < journals.length; j++) {
                journals[j] = new UUID(0, baselineJournals.incrementAndGet()).toString();
            }
            long[] sequences = new long[journals.length];
            long done = 0;
            try (Connection connection = bed.connect("bench");
                    PreparedStatement insert = EventRowTable.prepareInsert(connection)) {
                connection.setAutoCommit(false);
                long deadline = System.nanoTime() + bed.mode().phase().toNanos();
                while (System.nanoTime() < deadline) {
                    int j = (int) (done % journals.length);
                    EventRowTable.bind(insert, template, journals[j], sequences[j]++, template.payload());
                    insert.executeUpdate();
                    connection.commit();
                    done++;
                }
            }
            return done;
        });
    }
}
