package app.rekindle.query.analytics;

import java.util.List;

/** The slope of the straight line that fits points best: how much a value moves per period, on the whole. */
final class LeastSquares {

    private LeastSquares() {}

    /** @param points {x, y} pairs; null when fewer than two distinct x values make a slope meaningless */
    static Double slope(List<double[]> points) {
        if (points.size() < 2) {
            return null;
        }
        double n = points.size();
        double meanX = points.stream().mapToDouble(p -> p[0]).sum() / n;
        double meanY = points.stream().mapToDouble(p -> p[1]).sum() / n;
        double covariance = 0;
        double variance = 0;
        for (double[] p : points) {
            covariance += (p[0] - meanX) * (p[1] - meanY);
            variance += (p[0] - meanX) * (p[0] - meanX);
        }
        return variance == 0 ? null : covariance / variance;
    }
}
