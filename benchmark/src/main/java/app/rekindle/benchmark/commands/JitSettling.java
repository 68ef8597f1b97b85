package app.rekindle.benchmark.commands;

/**
 * When a warm-up phase counts as settled: the service's JIT compilation time grew by less than {@link
 * #GROWTH} of what it had compiled before the phase (or by less than {@link #QUIET_MILLIS}), and the phase's rate
 * came within {@link #RATE_AGREEMENT} of the phase before. The rate alone is not enough: on two cores the C2
 * compiler keeps replacing code for minutes, and two phases may agree while the service is still getting faster
 * (the full run of 2026-12-05 climbed from 77 to 149 check-ins/s across its recorded rounds).
 */
public final class JitSettling {

    public static final double GROWTH = 0.02;
    public static final double QUIET_MILLIS = 50;
    public static final double RATE_AGREEMENT = 0.10;

    private JitSettling() {}

    /**
     * @param compiledBefore compilation milliseconds before the phase (NaN if the service does not tell)
     * @param compiledAfter  after it
     * @param previousRate   the rate of the phase before (NaN for the first phase)
     * @param rate           the phase's rate
     */
    public static boolean settled(double compiledBefore, double compiledAfter, double previousRate, double rate) {
        boolean ratesAgree =
                !Double.isNaN(previousRate) && Math.abs(rate - previousRate) <= RATE_AGREEMENT * previousRate;
        if (Double.isNaN(compiledBefore) || Double.isNaN(compiledAfter)) {
            return false;
        }
        double grew = compiledAfter - compiledBefore;
        return ratesAgree && (grew < QUIET_MILLIS || grew < GROWTH * compiledBefore);
    }
}
