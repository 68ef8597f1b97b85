package app.rekindle.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One fault's row in the suite's table; a test class prints all its rows again, together, when it ends. */
record FaultReport(String fault, int journals, Counts counts, Duration recovery) {

    static final class Counts {
        long accepted;
        long stored;
        long onKafka;
        long inViews;
        long lost;
        long duplicated;
        long resentOnKafka;
        long outOfOrder;
        long unacknowledged;
        final Set<String> setAside = new TreeSet<>();
    }

    private static final String ROW = "%-66s | %8s | %8s | %8s | %8s | %5s | %5s | %9s | %6s | %7s | %9s%n";
    private static final List<FaultReport> ALL = new ArrayList<>();

    /** Prints this row (with the header) and keeps it for the table at the end. */
    FaultReport print() {
        synchronized (ALL) {
            ALL.add(this);
        }
        header();
        row();
        if (!counts.setAside.isEmpty()) {
            System.out.println("  set aside by the query service: " + counts.setAside);
        }
        return this;
    }

    /**
     * lost = 0, duplicated = 0, out of order = 0, nothing stored that was not acknowledged, nothing dead-lettered.
     * Re-sent records (the same event twice on the topic, from the at-least-once publisher) are shown, not failed:
     * the views must absorb them, which the other counts check.
     */
    void assertClean() {
        assertThat(counts.accepted).as("%s: commands accepted", fault).isPositive();
        assertThat(counts.lost).as("%s: lost", fault).isZero();
        assertThat(counts.duplicated)
                .as("%s: duplicated (store, topic, views)", fault)
                .isZero();
        assertThat(counts.outOfOrder).as("%s: out of order", fault).isZero();
        assertThat(counts.unacknowledged).as("%s: stored without a 2xx", fault).isZero();
        assertThat(counts.setAside)
                .as("%s: dead letters and gaps in the views", fault)
                .isEmpty();
    }

    private static void header() {
        System.out.printf(
                ROW,
                "fault",
                "accepted",
                "stored",
                "on Kafka",
                "in views",
                "lost",
                "dup",
                "re-sent",
                "order",
                "unacked",
                "recovery");
    }

    private void row() {
        System.out.printf(
                ROW,
                fault + " (" + journals + " journals)",
                counts.accepted,
                counts.stored,
                counts.onKafka,
                counts.inViews,
                counts.lost,
                counts.duplicated,
                counts.resentOnKafka,
                counts.outOfOrder,
                counts.unacknowledged,
                String.format("%.1f s", recovery.toMillis() / 1000.0));
    }

    static void printAll() {
        synchronized (ALL) {
            if (ALL.isEmpty()) {
                return;
            }
            System.out.println("\nFault injection: accepted commands vs event store, Kafka topic and views "
                    + "(lost/dup/order summed over the three; re-sent = one event twice on the topic, from the "
                    + "at-least-once publisher, absorbed by the views; recovery = fault over -> views hold every "
                    + "command accepted until then)");
            header();
            ALL.forEach(FaultReport::row);
        }
    }
}
