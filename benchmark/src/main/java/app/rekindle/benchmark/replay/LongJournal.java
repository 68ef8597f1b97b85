package app.rekindle.benchmark.replay;

import app.rekindle.benchmark.Testbed;
import app.rekindle.events.EventTypes;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.Step;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A journal of many entries, imported in one request (POST /journals/import) rather than sent command by
 * command: far quicker, and the events are the ones commands would have stored. Every tenth entry is a
 * reflection (step 1, started before the first), the rest check-ins; one entry per minute, so an instant
 * picks a point in the journal's history.
 */
public record LongJournal(UUID journalId, Instant opened, Duration spacing, int entries, long version) {

    static final Duration SPACING = Duration.ofMinutes(1);
    private static final String NOTE = "Walked by the river after dinner and talked about the summer";

    static LongJournal importInto(Testbed bed, int entries) {
        return importInto(bed, entries, Instant.parse("2025-01-01T08:00:00Z"), SPACING);
    }

    /** Entries {@code spacing} apart from just after {@code opened}. */
    public static LongJournal importInto(Testbed bed, int entries, Instant opened, Duration spacing) {
        UUID journalId = UUID.randomUUID();
        StringBuilder export = new StringBuilder(entries * 400)
                .append("{\"format\":\"rekindle.journal-export/1\",")
                .append("\"journalId\":\"")
                .append(journalId)
                .append("\",\"events\":[");
        int sequence = 0;
        event(export, sequence++, JournalEvent.JournalOpened.class, opened, """
                "ownerId":"%s","partnerName":"Sam","intention":"Find our way back","timezone":"Europe/Berlin"\
                """.formatted(Testbed.SUBJECT), journalId);
        for (int i = 0; i < entries; i++) {
            Instant at = opened.plus(spacing.multipliedBy(i + 1));
            if (i == 9) {
                event(
                        export,
                        sequence++,
                        JournalEvent.StepStarted.class,
                        at,
                        "\"step\":\"" + Step.REFLECT_ON_THE_PAST.name() + "\"",
                        journalId);
            }
            String entryId = "\"entryId\":\"" + UUID.randomUUID() + "\",";
            if (i % 10 == 9) {
                event(
                        export,
                        sequence++,
                        JournalEvent.ReflectionLogged.class,
                        at,
                        entryId + """
                        "occurredOn":"%s","text":"%s","myPart":"Listening","theirPart":"Patience","lesson":"Ask"\
                        """.formatted(at.toString().substring(0, 10), NOTE),
                        journalId);
            } else {
                event(
                        export,
                        sequence++,
                        JournalEvent.CheckedIn.class,
                        at,
                        entryId + "\"mood\":4,\"connection\":3,\"note\":\"" + NOTE + "\"",
                        journalId);
            }
        }
        export.setLength(export.length() - 1);
        export.append("]}");
        HttpResponse<String> answer = bed.send(bed.command("/journals/import")
                .timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(export.toString()))
                .build());
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("Importing the long journal answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(300, answer.body().length())));
        }
        // An import is a new journal with an id of its own; the export's id is only answered as importedFrom.
        UUID imported =
                UUID.fromString(Testbed.parse(answer.body()).get("journalId").asText());
        return new LongJournal(imported, opened, spacing, entries, sequence - 1);
    }

    private static void event(
            StringBuilder export,
            int sequence,
            Class<? extends JournalEvent> type,
            Instant at,
            String fields,
            UUID journalId) {
        var eventType = EventTypes.typeOf(type);
        export.append("{\"type\":\"")
                .append(eventType.name())
                .append("\",\"version\":")
                .append(eventType.version())
                .append(",\"sequence\":")
                .append(sequence)
                .append(",\"event\":{\"journalId\":\"")
                .append(journalId)
                .append("\",")
                .append(fields)
                .append(",\"occurredAt\":\"")
                .append(at)
                .append("\",\"recordedAt\":\"")
                .append(at)
                .append("\"}},");
    }

    /** An instant a fraction of the way through the journal's history, just after an entry was recorded. */
    public Instant at(double fraction) {
        return opened.plus(spacing.multipliedBy(Math.round(fraction * (entries - 1)) + 1))
                .plusSeconds(1);
    }

    /** Until the query side has applied the whole imported journal (the live view's version), at most 5 minutes. */
    public void awaitApplied(Testbed bed) throws InterruptedException {
        String live = "/journals/" + journalId + "/progress";
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (Testbed.parse(bed.send(bed.query(live).GET().build()).body())
                        .path("version")
                        .asLong()
                != version) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The query side did not apply the imported journal in 5 minutes");
            }
            Thread.sleep(200);
        }
    }
}
