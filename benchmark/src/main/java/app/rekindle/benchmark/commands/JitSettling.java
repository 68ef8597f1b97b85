package app.rekindle.benchmark.commands;

/**
 * Whether a service's JIT compiler was all but idle over a stretch of load: its compilation time grew by less than
 * {@link #GROWTH} of what it had compiled before and by less than {@link #PHASE_SHARE} of the stretch's length. A
 * warm-up ends when the rate has stopped rising ({@link Plateau}) with the compiler quiet over the same phases
 * ({@code CheckInLoad#compilerQuiet}), or at its limit: on two cores the command service compiles for minutes (its
 * compilation time is the compiler threads' elapsed time, which grows while they wait for a core). For the recorded
 * rounds this says whether a reader should expect the compiler to have moved the figures. The share of the stretch keeps the rule as strict for a short
 * stretch as for a long one, and for a service that has compiled for long (a loaded machine compiles slowly) as for
 * one that has not.
 */
public final class JitSettling {

    public static final double GROWTH = 0.02;
    public static final double PHASE_SHARE = 0.10;

    private JitSettling() {}

    /**
     * @param compiledBefore compilation milliseconds before the stretch (NaN if the service does not tell)
     * @param compiledAfter  after it
     * @param spanMillis     the stretch's length
     */
    public static boolean quiet(double compiledBefore, double compiledAfter, double spanMillis) {
        double grew = compiledAfter - compiledBefore;
        // NaN (a service that does not tell) compares false: never quiet.
        return grew < GROWTH * compiledBefore && grew < PHASE_SHARE * spanMillis;
    }
}
