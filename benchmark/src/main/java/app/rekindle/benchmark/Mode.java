package app.rekindle.benchmark;

import java.time.Duration;
import java.util.Locale;

/**
 * How big and how long each measurement is. Every measurement alternates baseline and Rekindle phases for
 * {@code rounds} rounds, each phase {@code phase} long, after one unrecorded warm-up round.
 *
 * @param warmUpLimit       longest a service is warmed up before its measured rounds when its rate does not stop
 *                          rising (see {@code commands.CheckInLoad#warmUp}, {@link Plateau#RATE})
 * @param lagWarmUpLimit    longest the query service is warmed up by unrecorded lag phases when its projection
 *                          latency does not stop falling (see {@code lag.EndToEndLag}, {@link Plateau#LATENCY})
 * @param backlogEvents     events per round handed to the Kafka publisher (and to the raw producer) at once
 * @param timelineEntries   entries of the journal whose timeline is read
 * @param timelineRows      rows in the whole timeline table, that journal's included
 * @param readsPerSecond    constant request rate while timeline pages are read
 * @param rebuildEvents     events on the topic a fresh consumer group rebuilds its views from (written once)
 * @param rebuildCap        longest a rebuild round may take; its rate is measured over what it applied by then
 * @param rebuildRounds     rounds of the rebuild, each of which starts a query-service process
 * @param tailRequests      fewest requests per round behind a reported p99; a read phase is stretched to reach it,
 *                          and a measurement that cannot reach it reports no p99 (0: no minimum)
 * @param scaleSmall        events the event store holds when the scale section measures first
 * @param scaleLarge        events it holds when the scale section measures again
 * @param scaleJournals     journals those events belong to
 * @param scaleRounds       rounds of each scale measurement at each size: fewer than {@code rounds}, since filling
 *                          the store to the large size (the query service projecting it) already takes most of the
 *                          section's time
 */
public record Mode(
        String name,
        int rounds,
        Duration phase,
        Duration warmUpLimit,
        Duration lagWarmUpLimit,
        int backlogEvents,
        int timelineEntries,
        int timelineRows,
        int readsPerSecond,
        int rebuildEvents,
        Duration rebuildCap,
        int rebuildRounds,
        int tailRequests,
        int scaleSmall,
        int scaleLarge,
        int scaleJournals,
        int scaleRounds) {

    /** A few seconds of each measurement: the CI smoke test that the harness works, no figure to trust. */
    public static final Mode TINY = new Mode(
            "tiny",
            2,
            Duration.ofMillis(1500),
            // Four phases: CI's smoke test stays fast, and a tiny run's figures are not judged anyway.
            Duration.ofSeconds(6),
            Duration.ofSeconds(3),
            1_000,
            2_000,
            10_000,
            20,
            2_000,
            Duration.ofSeconds(3),
            1,
            0,
            20_000,
            100_000,
            2_000,
            2);
    /** About five minutes on a busy two-core machine; a quiet one takes half that. */
    public static final Mode QUICK = new Mode(
            "quick",
            3,
            Duration.ofSeconds(3),
            // Fifteen phases: the rule needs six to compare two windows of three.
            Duration.ofSeconds(45),
            Duration.ofSeconds(20),
            5_000,
            10_000,
            100_000,
            40,
            50_000,
            Duration.ofSeconds(10),
            3,
            0,
            50_000,
            250_000,
            5_000,
            2);
    /** A p99 over 2,000 requests is their 20 slowest, not the three slowest of 250 (issue #17). */
    public static final Mode FULL = new Mode(
            "full",
            5,
            // 8 s, not 10: five rounds of everything fit in the 45 minutes again (47.5 with 10 s phases on
            // 2026-12-05), a phase still holds thousands of commands, and a lag phase the 2,000 requests behind its
            // p99 (Mode#readPhase stretches it where the rate is lower).
            Duration.ofSeconds(8),
            // On two cores the command service keeps getting faster for minutes of load (69 → 401 check-ins/s over
            // the 2-minute warm-up of 2026-12-05, 503 → 706/s over the rounds after it). Four minutes each, so that
            // the whole run still fits in 45 minutes (docs/performance.md, "Time budget of a full run").
            Duration.ofMinutes(4),
            // Stage 4's p50 fell over the five recorded lag rounds of 2026-12-05 (about 2 minutes of load). 90 s, not
            // 2 minutes: the warm-up of the full run after session 11 settled after 8 phases, and the run was over
            // its budget.
            Duration.ofSeconds(90),
            20_000,
            100_000,
            1_000_000,
            200,
            1_000_000,
            // 3 rounds of 45 s, not 5 of 60: the scale section's projection figure watches the views grow to 5M
            // events, and the full run must stay under 45 minutes (issue #17).
            Duration.ofSeconds(45),
            3,
            2_000,
            1_000_000,
            5_000_000,
            100_000,
            2);

    /**
     * How long a read phase of {@code kinds} request kinds alternating at {@code perSecond} must last for each kind
     * to have {@link #tailRequests} requests: at least {@link #phase}.
     */
    public Duration readPhase(int kinds, double perSecond) {
        long seconds = (long) Math.ceil(tailRequests * (double) kinds / perSecond);
        return phase.compareTo(Duration.ofSeconds(seconds)) >= 0 ? phase : Duration.ofSeconds(seconds);
    }

    public static Mode named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "tiny" -> TINY;
            case "quick" -> QUICK;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("Mode must be tiny, quick or full, not '" + name + "'");
        };
    }
}
