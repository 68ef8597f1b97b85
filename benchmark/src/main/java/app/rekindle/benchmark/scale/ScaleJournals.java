package app.rekindle.benchmark.scale;

import app.rekindle.benchmark.Testbed;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.privacy.DataKey;
import app.rekindle.events.privacy.SealedEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The journals the scale section fills the event store with, and their events as the command service would
 * have stored them: each journal opened by the benchmark's person, then check-ins with a note, every event
 * sealed with {@link SealedEvents} under its journal's own {@link DataKey}. Journal 0 holds {@link
 * #TIMELINE_ENTRIES} check-ins, the journal whose timeline is read at each size.
 * <p>
 * Events come interleaved, as a store fills over time, in blocks of {@value #ACTIVE} journals: event k of each
 * journal of a block, then event k + 1. Fully interleaved over 100,000 journals, every record would need a key
 * fetch by the query service (its key cache holds 10,000 journals); with blocks each journal's key is fetched
 * about once per step, as when a bounded number of people write at the same time.
 */
final class ScaleJournals {

    static final int TIMELINE_ENTRIES = 1_000;
    private static final int ACTIVE = 1_000;
    private static final String NOTE = "Walked by the river after dinner and talked about the summer";

    /** One event: its id, its place in the journal, the event, and its stored (sealed) JSON. */
    record Stored(String eventId, long sequence, JournalEvent event, byte[] payload) {}

    interface Sink {
        void accept(Stored stored) throws Exception;
    }

    private final UUID[] ids;
    private final DataKey[] keys;
    private final int[] next;
    private final Instant start = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

    ScaleJournals(int count) {
        ids = new UUID[count];
        keys = new DataKey[count];
        next = new int[count];
        for (int j = 0; j < count; j++) {
            ids[j] = UUID.randomUUID();
            keys[j] = DataKey.generate();
        }
    }

    int count() {
        return ids.length;
    }

    UUID id(int journal) {
        return ids[journal];
    }

    DataKey key(int journal) {
        return keys[journal];
    }

    UUID timelineJournal() {
        return ids[0];
    }

    /**
     * Fewest events the next {@link #add} takes: the first, every journal opened with one check-in and the timeline
     * journal's; a later one, a check-in for each journal but the timeline journal.
     */
    long fewest() {
        return next[0] == 0 ? 2L * (ids.length - 1) + 1 + TIMELINE_ENTRIES : ids.length - 1;
    }

    /**
     * Adds {@code events} events: on the first call journal 0 is opened with its {@link #TIMELINE_ENTRIES}
     * check-ins and the others share the rest (opened, then check-ins); later calls spread check-ins over journals
     * 1 and up, which keep growing, journal 0 unchanged.
     */
    void add(long events, Sink sink) throws Exception {
        int journals = ids.length;
        long[] counts = new long[journals];
        long rest = events;
        if (next[0] == 0) {
            counts[0] = 1 + TIMELINE_ENTRIES;
            rest -= counts[0];
        }
        long each = rest / (journals - 1);
        long extra = rest % (journals - 1);
        for (int j = 1; j < journals; j++) {
            counts[j] = each + (j - 1 < extra ? 1 : 0);
        }
        for (int block = 0; block < journals; block += ACTIVE) {
            int end = Math.min(journals, block + ACTIVE);
            long most = 0;
            for (int j = block; j < end; j++) {
                most = Math.max(most, counts[j]);
            }
            for (long k = 0; k < most; k++) {
                for (int j = block; j < end; j++) {
                    if (k < counts[j]) {
                        sink.accept(next(j));
                    }
                }
            }
        }
    }

    private Stored next(int journal) {
        int sequence = next[journal]++;
        UUID id = ids[journal];
        Instant at = start.plus(Duration.ofMinutes(sequence));
        JournalEvent event = sequence == 0
                ? new JournalEvent.JournalOpened(
                        id, Testbed.SUBJECT, "Sam", "Find our way back", "Europe/Berlin", at, at)
                : new JournalEvent.CheckedIn(id, UUID.randomUUID(), 4, 3, NOTE, at, at);
        DataKey key = keys[journal];
        return new Stored(UUID.randomUUID().toString(), sequence, event, SealedEvents.seal(event, journalId -> key));
    }
}
