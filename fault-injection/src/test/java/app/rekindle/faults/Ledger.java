package app.rekindle.faults;

import app.rekindle.faults.JournalStream.Accepted;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The client's log of accepted commands against the event store, the topic and the views, journal by journal.
 * A check-in records exactly one event, at the sequence its answer's version names (opening records sequence 0),
 * so every accepted version must be there once, in every layer, in order; and nothing else may be stored.
 */
final class Ledger {

    private Ledger() {}

    static FaultReport compare(String fault, StackEndpoints stack, List<JournalStream> journals, Duration recovery)
            throws SQLException {
        Layers layers = Layers.read(
                stack, journals.stream().map(JournalStream::journalId).toList());
        FaultReport.Counts counts = new FaultReport.Counts();
        for (JournalStream journal : journals) {
            String id = journal.journalId();
            List<Accepted> accepted = journal.accepted();
            List<Long> versions = accepted.stream().map(Accepted::version).toList();
            List<Long> stored = layers.stored().getOrDefault(id, List.of());
            List<Long> kafka = layers.onKafka().getOrDefault(id, List.of());
            List<Long> views = layers.inViews().getOrDefault(id, List.of());
            List<String> timeline = layers.timeline().getOrDefault(id, List.of());
            List<String> entries = accepted.stream()
                    .map(Accepted::entryId)
                    .filter(Objects::nonNull)
                    .toList();

            counts.accepted += accepted.size();
            counts.stored += stored.size();
            counts.onKafka += kafka.size();
            counts.inViews += views.size();
            counts.lost += missing(versions, stored)
                    + missing(versions, kafka)
                    + missing(versions, views)
                    + missing(entries, timeline);
            counts.duplicated += duplicates(versions) + duplicates(stored) + duplicates(views) + duplicates(timeline);
            // The publisher is at least once: a batch whose token could not be stored after Kafka acknowledged it is
            // sent again. Such a re-send (same sequence, same event id) is counted apart; the views must absorb it.
            // Two different events with one sequence would be a real duplicate.
            List<String> kafkaEvents = layers.kafkaEvents().getOrDefault(id, List.of());
            counts.resentOnKafka += duplicates(kafkaEvents);
            counts.duplicated += duplicates(kafka) - duplicates(kafkaEvents);
            counts.outOfOrder += outOfOrder(stored) + outOfOrder(kafka) + outOfOrder(views);
            counts.unacknowledged += missing(stored, versions);
            // A repeat applied twice would count its entry twice in the journal list.
            long counted = layers.entryCounts().getOrDefault(id, List.of(0L)).getFirst();
            counts.duplicated += Math.max(0, counted - entries.size());
            counts.lost += Math.max(0, entries.size() - counted);
            layers.setAside()
                    .getOrDefault(id, List.of())
                    .forEach(what -> counts.setAside.add(id.substring(0, 8) + " " + what));
        }
        return new FaultReport(fault, journals.size(), counts, recovery);
    }

    /** How many distinct values of {@code expected} are not in {@code actual}. */
    private static <T> long missing(List<T> expected, List<T> actual) {
        Set<T> present = new HashSet<>(actual);
        return new HashSet<>(expected)
                .stream().filter(value -> !present.contains(value)).count();
    }

    private static <T> long duplicates(List<T> values) {
        return values.size() - new HashSet<>(values).size();
    }

    /** Values that arrive after a higher one without having been seen before (a repeat is a duplicate instead). */
    private static long outOfOrder(List<Long> sequences) {
        Set<Long> seen = new HashSet<>();
        long highest = Long.MIN_VALUE;
        long late = 0;
        for (long sequence : sequences) {
            if (seen.add(sequence) && sequence < highest) {
                late++;
            }
            highest = Math.max(highest, sequence);
        }
        return late;
    }
}
