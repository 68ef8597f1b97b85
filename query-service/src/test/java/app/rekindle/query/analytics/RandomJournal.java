package app.rekindle.query.analytics;

import app.rekindle.events.ConversationChannel;
import app.rekindle.events.ConversationOutcome;
import app.rekindle.events.DateKind;
import app.rekindle.events.GestureKind;
import app.rekindle.events.Initiator;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.Whose;
import app.rekindle.query.TestJournal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/** A reproducible, messy journal: every kind of entry, amendments, back-dating, retractions, resolved dates. */
final class RandomJournal {

    private RandomJournal() {}

    /** Opens the journal and writes 150 entries with corrections the command side would accept. */
    static void write(TestJournal journal, Random random, Consumer<JournalEvent> apply) {
        Set<UUID> closed = new HashSet<>();
        apply.accept(journal.opened());
        UUID id = journal.id;
        List<EntryLogged> logged = new ArrayList<>();
        Instant at = Instant.parse("2026-01-01T08:00:00Z");
        for (int i = 0; i < 150; i++) {
            at = at.plus(Duration.ofMinutes(200 + random.nextInt(1500)));
            UUID entry = UUID.randomUUID();
            EntryLogged event =
                    switch (random.nextInt(6)) {
                        case 0 -> new CheckedIn(id, entry, 1 + random.nextInt(5), 1 + random.nextInt(5), "n", at, at);
                        case 1 ->
                            new ConversationLogged(
                                    id,
                                    entry,
                                    "t",
                                    Initiator.values()[random.nextInt(2)],
                                    10 + random.nextInt(50),
                                    3,
                                    3,
                                    ConversationOutcome.values()[random.nextInt(4)],
                                    ConversationChannel.values()[i % ConversationChannel.values().length],
                                    "n",
                                    at,
                                    at);
                        case 2 ->
                            new PersonalTimeTaken(
                                    id,
                                    entry,
                                    Whose.values()[random.nextInt(2)],
                                    "p",
                                    30 + random.nextInt(200),
                                    at,
                                    at);
                        case 3 ->
                            new DatePlanned(
                                    id,
                                    entry,
                                    at.plus(Duration.ofDays(random.nextInt(5))),
                                    "idea",
                                    DateKind.CLASSIC,
                                    at,
                                    at);
                        case 4 -> new ActivityShared(id, entry, "a", random.nextBoolean(), "m", at, at);
                        default -> new GestureLogged(id, entry, GestureKind.SMALL_GESTURE, "g", at, at);
                    };
            apply.accept(event);
            logged.add(event);
            EntryLogged earlier = logged.get(random.nextInt(logged.size()));
            JournalEvent correction =
                    switch (random.nextInt(8)) {
                        case 0 -> new EntryRetracted(id, earlier.entryId(), "r", at, at);
                        case 1 ->
                            earlier instanceof CheckedIn
                                    ? new EntryAmended(id, earlier.entryId(), Map.of("mood", 5), "x", at, at)
                                    : earlier instanceof PersonalTimeTaken
                                            ? new EntryAmended(
                                                    id,
                                                    earlier.entryId(),
                                                    Map.of("whose", "MINE", "minutes", 15),
                                                    "x",
                                                    at,
                                                    at)
                                            : null;
                        case 2 ->
                            earlier instanceof DatePlanned d
                                    ? (random.nextBoolean()
                                            ? new DateHappened(id, d.entryId(), 1 + random.nextInt(5), "m", at, at)
                                            : new DateCancelled(id, d.entryId(), "c", at, at))
                                    : null;
                        case 3 ->
                            new EntryAmended(
                                    id,
                                    earlier.entryId(),
                                    Map.of(
                                            earlier instanceof DatePlanned ? "plannedFor" : "occurredAt",
                                            at.minus(Duration.ofDays(9)).toString()),
                                    "back-dated",
                                    at,
                                    at);
                        default -> null;
                    };
            // The command side would refuse corrections of a retracted entry or a date resolved twice.
            if (correction != null && accepted(correction, closed)) {
                apply.accept(correction);
            }
        }
    }

    private static boolean accepted(JournalEvent correction, Set<UUID> closed) {
        UUID entry =
                switch (correction) {
                    case EntryRetracted r -> r.entryId();
                    case EntryAmended a -> a.entryId();
                    case DateHappened h -> h.entryId();
                    case DateCancelled c -> c.entryId();
                    default -> null;
                };
        if (closed.contains(entry)) {
            return false;
        }
        if (correction instanceof EntryRetracted
                || correction instanceof DateHappened
                || correction instanceof DateCancelled) {
            closed.add(entry);
        }
        return true;
    }
}
