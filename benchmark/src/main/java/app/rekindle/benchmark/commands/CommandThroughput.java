package app.rekindle.benchmark.commands;

import app.rekindle.benchmark.Plateau;
import app.rekindle.benchmark.Report;
import app.rekindle.benchmark.ServiceRecording;
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
            // services take minutes of load to reach their compiled speed, and rounds taken while they still climb
            // measure the compiler, not the service: phases run until each service's rate has stopped rising.
            CheckInLoad.WarmUp rekindleWarmUp =
                    load.warmUp("Rekindle", maxClients, bed.mode().warmUpLimit());
            CheckInLoad.WarmUp crudWarmUp =
                    crud.warmUp("CRUD", maxClients, bed.mode().warmUpLimit());
            JitCompilationTime rekindleJit = new JitCompilationTime(bed, bed.commandUrl());
            JitCompilationTime crudJit = new JitCompilationTime(bed, crudService.url());
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
                double rekindleCompiled = rekindleJit.millis();
                double crudCompiled = crudJit.millis();
                long roundsStarted = System.nanoTime();
                // Profiled when asked: the command service over the rounds (idle but for its publisher while the
                // baselines run).
                ServiceRecording.during(bed, commandService, "commands-" + clients + "-clients-command-service", () -> {
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
                });
                double roundsMillis = (System.nanoTime() - roundsStarted) / 1e6;
                double rekindleCompiledAfter = rekindleJit.millis();
                double crudCompiledAfter = crudJit.millis();
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
                compilationRow(
                        section,
                        clients,
                        rekindleCompiled,
                        rekindleCompiledAfter,
                        crudCompiled,
                        crudCompiledAfter,
                        roundsMillis);
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

    /**
     * The JIT's work while the rounds of one concurrency ran (both services', whichever phase was running): in
     * milliseconds of compilation per second of rounds, with whether each compiler was quiet ({@link JitSettling}).
     * A service still compiling hard while measured is still getting faster; the reader sees it here.
     */
    private static void compilationRow(
            Report.Section section,
            int clients,
            double rekindleBefore,
            double rekindleAfter,
            double crudBefore,
            double crudAfter,
            double roundsMillis) {
        double rekindle = (rekindleAfter - rekindleBefore) / (roundsMillis / 1000);
        double crud = (crudAfter - crudBefore) / (roundsMillis / 1000);
        section.rows()
                .add(new Report.Row(
                        String.format(
                                Locale.ROOT,
                                "JIT compilation during the recorded rounds, %d client(s) (Rekindle's compiler %s, "
                                        + "the CRUD service's %s)",
                                clients,
                                JitSettling.quiet(rekindleBefore, rekindleAfter, roundsMillis) ? "quiet" : "busy",
                                JitSettling.quiet(crudBefore, crudAfter, roundsMillis) ? "quiet" : "busy"),
                        "ms per s",
                        rekindle,
                        crud,
                        null,
                        null,
                        null));
        System.out.printf(
                Locale.ROOT,
                "  commands, %d client(s): JIT compilation during the rounds %.0f ms/s (Rekindle), %.0f ms/s (CRUD)%n",
                clients,
                rekindle,
                crud);
    }

    private String warmUpNote(CheckInLoad.WarmUp rekindle, CheckInLoad.WarmUp crud) {
        return String.format(
                Locale.ROOT,
                "Rounds start once each service's rate has stopped rising, Rekindle and the CRUD service warmed by the "
                        + "same rule: unrecorded %.0f-second phases at %d clients until the mean rate of the last %d "
                        + "phases is within %.0f%% of the mean of the %d before while the service's JIT was quiet over "
                        + "those phases (as the JIT rows define quiet), for at most %d s each. "
                        + "Rekindle: %s after %d phases (%.0f s, last phase %.0f/s; its JIT compiled %.0f ms meanwhile, "
                        + "%.0f ms in all); the CRUD service: %s after %d phases (%.0f s, last phase %.0f/s; %.0f ms, "
                        + "%.0f ms in all). The JIT rows give each compiler's work during the recorded rounds "
                        + "(`jvm_compilation_time_ms_total`, the compiler threads' elapsed time, so it also counts their "
                        + "waits for a core): quiet when it grew by less than %.0f%% and by less than %.0f%% of the "
                        + "rounds' time.",
                bed.mode().phase().toMillis() / 1000.0,
                CheckInLoad.maxClients(),
                Plateau.RATE.window(),
                Plateau.RATE.tolerance() * 100,
                Plateau.RATE.window(),
                bed.mode().warmUpLimit().toSeconds(),
                rekindle.settled() ? "settled" : "still rising",
                rekindle.phases(),
                rekindle.seconds(),
                rekindle.lastRate(),
                rekindle.compiledDuringMillis(),
                rekindle.compilationMillis(),
                crud.settled() ? "settled" : "still rising",
                crud.phases(),
                crud.seconds(),
                crud.lastRate(),
                crud.compiledDuringMillis(),
                crud.compilationMillis(),
                JitSettling.GROWTH * 100,
                JitSettling.PHASE_SHARE * 100);
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
                // Half a phase: the floor line has no target, and thousands of commits settle its rate; the time
                // goes to the full run's 45-minute budget instead.
                long deadline = System.nanoTime() + bed.mode().phase().toNanos() / 2;
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
