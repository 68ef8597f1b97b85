package app.rekindle.benchmark;

import java.util.List;

/**
 * When a warm-up has stopped paying: the mean of a figure over the last {@code window} phases improves on the mean
 * over the {@code window} phases before by less than {@code tolerance} (a rate higher, a latency lower). Means of
 * several phases, not two single phases: on two cores one phase's rate moves by 5–10% with the machine, and two
 * neighbouring phases may agree while the service is still getting faster (the full run of 2026-12-05 climbed from
 * 69 to 401 check-ins/s during its warm-up and from 503 to 706/s across its recorded rounds). A figure still rising
 * by a few percent a phase moves a mean of three phases by three times that, while the noise of each mean shrinks.
 *
 * @param window    phases per mean; the rule needs twice as many phases before it can end a warm-up
 * @param tolerance largest improvement, as a share of the earlier mean, that still counts as a plateau
 */
public record Plateau(int window, double tolerance) {

    /** The command load's rate: three phases against the three before, within 3%. */
    public static final Plateau RATE = new Plateau(3, 0.03);

    /**
     * The projection's latency (stage 4 of the lag, its p50 per phase): two phases against the two before, within
     * 10%. A p50 of a few milliseconds moves by a millisecond with the machine, and every lag phase also costs its
     * drain.
     */
    public static final Plateau LATENCY = new Plateau(2, 0.10);

    public Plateau {
        if (window < 1 || !(tolerance >= 0)) {
            throw new IllegalArgumentException("A plateau needs a window of at least one phase and a tolerance ≥ 0");
        }
    }

    /** Whether a rate (higher is better), per phase, oldest first, has stopped rising. */
    public boolean stoppedRising(List<Double> rates) {
        if (rates.size() < 2 * window) {
            return false;
        }
        double earlier = mean(rates, rates.size() - 2 * window);
        double last = mean(rates, rates.size() - window);
        // NaN (a phase that measured nothing) compares false: not a plateau.
        return last <= earlier * (1 + tolerance);
    }

    /** Whether a latency (lower is better), per phase, oldest first, has stopped falling. */
    public boolean stoppedFalling(List<Double> latencies) {
        if (latencies.size() < 2 * window) {
            return false;
        }
        double earlier = mean(latencies, latencies.size() - 2 * window);
        double last = mean(latencies, latencies.size() - window);
        return earlier <= last * (1 + tolerance);
    }

    private double mean(List<Double> figures, int from) {
        double sum = 0;
        for (int i = from; i < from + window; i++) {
            sum += figures.get(i);
        }
        return sum / window;
    }
}
