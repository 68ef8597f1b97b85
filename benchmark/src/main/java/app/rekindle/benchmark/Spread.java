package app.rekindle.benchmark;

import java.util.List;

/** The median of per-round values, with the smallest and largest beside it so the noise is visible. */
public record Spread(double median, double min, double max, int rounds) {

    public static Spread of(List<Double> values) {
        if (values.isEmpty()) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Spread(median, sorted.getFirst(), sorted.getLast(), n);
    }

    /** Per-round ratios {@code system[i] / baseline[i]}: each round's pair saw the same machine load. */
    public static Spread ofRatios(List<Double> system, List<Double> baseline) {
        return of(java.util.stream.IntStream.range(0, Math.min(system.size(), baseline.size()))
                .mapToObj(i -> system.get(i) / baseline.get(i))
                .toList());
    }
}
