package app.rekindle.benchmark.commands;

/**
 * When a warm-up phase counts as settled: the service's JIT compilation time grew during it by less than {@link
 * #GROWTH} of what it had compiled before and by less than {@link #PHASE_SHARE} of the phase's length (the compiler
 * threads all but idle), and the phase's rate came within {@link #RATE_AGREEMENT} of the phase before. The rate
 * alone is not enough: on two cores the C2 compiler keeps replacing code for minutes, and two phases may agree while
 * the service is still getting faster (the full run of 2026-12-05 climbed from 77 to 149 check-ins/s across its
 * recorded rounds). The share of the phase keeps the rule as strict for a short phase as for a long one, and for a
 * service that has compiled for long (a loaded machine compiles slowly) as for one that has not.
 */
public final class JitSettling {

    public static final double GROWTH = 0.02;
    public static final double PHASE_SHARE = 0.10;
    public static final double RATE_AGREEMENT = 0.10;

    private JitSettling() {}

    /**
     * @param compiledBefore compilation milliseconds before the phase (NaN if the service does not tell)
     * @param compiledAfter  after it
     * @param phaseMillis    the phase's length
     * @param previousRate   the rate of the phase before (NaN for the first phase)
     * @param rate           the phase's rate
     */
    public static boolean settled(
            double compiledBefore, double compiledAfter, double phaseMillis, double previousRate, double rate) {
        boolean ratesAgree =
                !Double.isNaN(previousRate) && Math.abs(rate - previousRate) <= RATE_AGREEMENT * previousRate;
        double grew = compiledAfter - compiledBefore;
        // NaN (a service that does not tell) compares false: it never settles, and the warm-up runs to its limit.
        return ratesAgree && grew < GROWTH * compiledBefore && grew < PHASE_SHARE * phaseMillis;
    }
}
