package app.rekindle.command.parking;

import java.time.Instant;
import java.util.UUID;

/**
 * A journal whose publishing is parked, as operators see it: never the events' content.
 *
 * @param parkedEvents  how many of its events wait, the refused one included
 * @param firstSequence the refused event, which the others wait behind
 * @param type          that event's type
 * @param reason        why Kafka refused it (an exception class)
 * @param parkedSince   when it was parked
 */
record ParkedJournal(
        UUID journalId, int parkedEvents, long firstSequence, String type, String reason, Instant parkedSince) {}
