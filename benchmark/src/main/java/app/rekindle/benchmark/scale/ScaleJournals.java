package app.rekindle.benchmark.scale;

import app.rekindle.benchmark.Topics;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.privacy.DataKey;
import app.rekindle.events.privacy.SealedEvents;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The journals the scale section fills the event store with, and their events as the command service would
 * have stored them: each journal opened by the benchmark's person, then check-ins with a note, every event
 * sealed with {@link SealedEvents} under its journal's own {@link DataKey}. Journal 0 holds {@link
 * #TIMELINE_ENTRIES} check-ins, the journal whose timeline is read at each size.
 * <p>
 * The others are alike: each fill gives every one of them the same number of check-ins, at the same moments,
 * so that their views differ only in their ids. Journal 1, the <em>witness</em>, is projected by the query
 * service; the journals from {@link #firstCloned()} on get the witness's view rows, ids replaced ({@link
 * ViewClone}); the journals between are the fill's <em>live part</em>, projected by the query service once the
 * views hold the rest. For that replacement every id of a journal shares the journal's {@link #prefix}: the
 * journal id ends in twelve zeros, its entries' ids and its events' ids in their sequence number.
 * <p>
 * Events come interleaved, as a store fills over time, in blocks of {@value #ACTIVE} journals: event k of each
 * journal of a block, then event k + 1, as when a bounded number of people write at the same time (the query
 * service's key cache holds 10,000 journals).
 */
final class ScaleJournals {

    static final int TIMELINE_ENTRIES = 1_000;
    static final int WITNESS = 1;
    /** The live part of each fill: this share of the journals, at least {@link #FEWEST_LIVE}. */
    static final double LIVE_SHARE = 0.02;

    static final int FEWEST_LIVE = 100;
    private static final int ACTIVE = 1_000;
    private static final String NOTE = "Walked by the river after dinner and talked about the summer";
    private static final long ID_BITS = 0xFFFF_FFFF_FFFFL;
    private static final long ENTRY = 1L << 44;
    private static final long EVENT = 2L << 44;

    /** One event: its id, its place in the journal, the event, and its stored (sealed) JSON. */
    record Stored(String eventId, long sequence, JournalEvent event, byte[] payload) {}

    interface Sink {
        void accept(Stored stored) throws Exception;
    }

    private final UUID[] ids;
    private final DataKey[] keys;
    private final int[] next;
    private final int firstCloned;
    private final Instant start = Instant.now().minus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

    ScaleJournals(int count) {
        ids = new UUID[count];
        keys = new DataKey[count];
        next = new int[count];
        for (int j = 0; j < count; j++) {
            UUID random = UUID.randomUUID();
            ids[j] = new UUID(random.getMostSignificantBits(), random.getLeastSignificantBits() & ~ID_BITS);
            keys[j] = DataKey.generate();
        }
        firstCloned = firstCloned(count);
    }

    /** The first cloned journal of {@code count}: after the timeline journal, the witness and the live part. */
    static int firstCloned(int count) {
        int live = Math.max(FEWEST_LIVE, (int) Math.round(count * LIVE_SHARE));
        return Math.min(count, WITNESS + 1 + live);
    }

    int count() {
        return ids.length;
    }

    UUID id(int journal) {
        return ids[journal];
    }

    /** Every journal's data key, by journal id, in journal order. */
    Map<UUID, DataKey> keys() {
        Map<UUID, DataKey> byJournal = new LinkedHashMap<>(2 * ids.length);
        for (int j = 0; j < ids.length; j++) {
            byJournal.put(ids[j], keys[j]);
        }
        return byJournal;
    }

    UUID timelineJournal() {
        return ids[0];
    }

    /** The first journal whose views are cloned from the witness's; the live part is before it. */
    int firstCloned() {
        return firstCloned;
    }

    /** What every id of the journal starts with: its id's first 24 characters (the last 12 tell its ids apart). */
    static String prefix(UUID journal) {
        return journal.toString().substring(0, 24);
    }

    /** Whether the next fill is the first: it opens the journals and fills the timeline journal. */
    boolean first() {
        return next[WITNESS] == 0;
    }

    /**
     * The events each journal takes in a fill: {@code others} for the witness and the cloned journals, {@code live}
     * for each journal of the live part.
     */
    record PerJournal(int others, int live) {}

    /**
     * What each journal but the timeline journal takes in the next fill for it to add at least {@code wanted}
     * events. The first fill opens every journal and checks in at least once, the same in every journal. A later
     * fill gives each live journal at most {@code mostLive} events, so that the query service projects the same
     * live part at every size, and the cloned journals take the rest (the journals still hold the same events,
     * only the live ones fewer of them).
     */
    PerJournal perJournal(long wanted, int mostLive) {
        int others = ids.length - 1;
        if (first()) {
            int each = (int) Math.max(2, ceilDiv(wanted - 1 - TIMELINE_ENTRIES, others));
            return new PerJournal(each, each);
        }
        int each = (int) Math.max(1, ceilDiv(wanted, others));
        int live = liveJournals();
        if (each <= mostLive || live == others) {
            return new PerJournal(each, each);
        }
        int perLive = Math.max(1, mostLive);
        return new PerJournal((int) Math.max(1, ceilDiv(wanted - (long) live * perLive, others - live)), perLive);
    }

    /** Events the next fill adds with {@code perJournal}'s events for each journal but the timeline journal. */
    long events(PerJournal perJournal) {
        int live = liveJournals();
        return (first() ? 1 + TIMELINE_ENTRIES : 0)
                + (long) perJournal.others() * (ids.length - 1 - live)
                + (long) perJournal.live() * live;
    }

    /** Journals of the live part. */
    int liveJournals() {
        return firstCloned - WITNESS - 1;
    }

    /** Events the witness and each cloned journal hold so far. */
    int eventsPerJournal() {
        return next[WITNESS];
    }

    /** Events each journal of the live part holds so far. */
    int eventsPerLiveJournal() {
        return firstCloned > WITNESS + 1 ? next[WITNESS + 1] : 0;
    }

    /**
     * Adds the next fill's events of journals {@code from} (included) to {@code to}: {@code perJournal} events
     * each (its {@code others} or its {@code live} share, whichever those journals take), journal 0 its {@link #TIMELINE_ENTRIES} check-ins on the first fill and nothing later. Call it for
     * every journal of a fill before {@link #first()} tells the next one.
     */
    void add(int from, int to, int perJournal, Sink sink) throws Exception {
        for (int block = from; block < to; block += ACTIVE) {
            int end = Math.min(to, block + ACTIVE);
            int[] counts = new int[end - block];
            int most = 0;
            for (int j = block; j < end; j++) {
                counts[j - block] = j == 0 ? (next[0] == 0 ? 1 + TIMELINE_ENTRIES : 0) : perJournal;
                most = Math.max(most, counts[j - block]);
            }
            for (int k = 0; k < most; k++) {
                for (int j = block; j < end; j++) {
                    if (k < counts[j - block]) {
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
                ? Topics.opened(id, at)
                : new JournalEvent.CheckedIn(id, sibling(id, ENTRY, sequence), 4, 3, NOTE, at, at);
        DataKey key = keys[journal];
        return new Stored(
                sibling(id, EVENT, sequence).toString(), sequence, event, SealedEvents.seal(event, journalId -> key));
    }

    /** An id of the journal's: its prefix, then what it is and its sequence number. */
    private static UUID sibling(UUID journal, long kind, long sequence) {
        return new UUID(journal.getMostSignificantBits(), journal.getLeastSignificantBits() | kind | sequence);
    }

    private static long ceilDiv(long a, long b) {
        return a <= 0 ? 0 : Math.ceilDiv(a, b);
    }
}
