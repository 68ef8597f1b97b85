package app.rekindle.benchmark;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/** Latencies of one phase in microseconds, recorded from many threads, read in milliseconds. */
public final class Latencies {

    private final Histogram histogram = new ConcurrentHistogram(3);

    public void recordSince(long dueNanos) {
        record(System.nanoTime() - dueNanos);
    }

    /** A duration measured elsewhere; a negative one (clocks a millisecond apart) counts as zero. */
    public void record(long nanos) {
        histogram.recordValue(Math.max(0, nanos / 1_000));
    }

    public double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1_000.0;
    }

    public long count() {
        return histogram.getTotalCount();
    }
}
