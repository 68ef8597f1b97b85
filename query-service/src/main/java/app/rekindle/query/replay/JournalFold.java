package app.rekindle.query.replay;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.DateCancelled;
import app.rekindle.events.JournalEvent.DateHappened;
import app.rekindle.events.JournalEvent.EntryAmended;
import app.rekindle.events.JournalEvent.EntryLogged;
import app.rekindle.events.JournalEvent.EntryRetracted;
import app.rekindle.events.JournalEvent.JournalOpened;
import app.rekindle.events.JournalEvent.StepCompleted;
import app.rekindle.events.JournalEvent.StepReopened;
import app.rekindle.events.JournalEvent.StepStarted;
import app.rekindle.events.Step;
import app.rekindle.query.history.LoggedEvent;
import app.rekindle.query.progress.StepProgress;
import app.rekindle.query.projection.EntryMoment;
import app.rekindle.query.timeline.EntryFields;
import app.rekindle.query.timeline.TimelineEntry;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A journal's timeline and progress rebuilt in memory from its events, by the same rules as the timeline
 * and progress projections (which the replay tests hold it to). Used for "as of" answers and by the
 * slices that read the current journal as a whole.
 */
public final class JournalFold {

    private final Map<UUID, TimelineEntry> entries = new LinkedHashMap<>();
    private final Map<Step, StepProgress> steps = new EnumMap<>(Step.class);
    private ZoneId zone = ZoneOffset.UTC;
    private Instant openedAt;
    private long version = -1;

    public static JournalFold of(List<LoggedEvent> events) {
        JournalFold fold = new JournalFold();
        events.forEach(event -> fold.apply(event.sequence(), event.decode()));
        return fold;
    }

    void apply(long sequence, JournalEvent event) {
        version = sequence;
        switch (event) {
            case JournalOpened opened -> opened(opened);
            case EntryLogged logged -> logged(logged);
            case EntryAmended amended -> revise(amended.entryId(), amended.changes());
            case DateHappened happened -> revise(happened.entryId(),
                    changes("status", "HAPPENED", "rating", happened.rating(), "memory", happened.memory()));
            case DateCancelled cancelled -> revise(cancelled.entryId(),
                    changes("status", "CANCELLED", "cancelReason", cancelled.reason()));
            case EntryRetracted retracted -> entries.computeIfPresent(retracted.entryId(), (id, e) ->
                    new TimelineEntry(id, e.kind(), e.step(), e.occurredAt(), e.recordedAt(), e.fields(), e.revision(),
                            true, stored(retracted.occurredAt()), retracted.reason()));
            case StepStarted started -> steps.computeIfPresent(started.step(), (step, s) -> new StepProgress(s.step(),
                    s.number(), "IN_PROGRESS", s.startedAt() != null ? s.startedAt() : stored(started.occurredAt()),
                    s.completedAt(), s.summary(), s.reopenedCount(), s.lastReopenReason(), 0, null));
            case StepCompleted completed -> steps.computeIfPresent(completed.step(), (step, s) -> new StepProgress(
                    s.step(), s.number(), "COMPLETED", s.startedAt(), stored(completed.occurredAt()),
                    completed.summary(), s.reopenedCount(), s.lastReopenReason(), 0, null));
            case StepReopened reopened -> steps.computeIfPresent(reopened.step(), (step, s) -> new StepProgress(
                    s.step(), s.number(), "IN_PROGRESS", s.startedAt(), null, s.summary(), s.reopenedCount() + 1,
                    reopened.reason(), 0, null));
            default -> {
            }
        }
    }

    private void opened(JournalOpened opened) {
        openedAt = stored(opened.occurredAt());
        try {
            zone = ZoneId.of(opened.timezone());
        } catch (DateTimeException | NullPointerException e) {
            zone = ZoneOffset.UTC;
        }
        for (Step step : Step.values()) {
            steps.put(step, new StepProgress(step.slug(), step.number(), "NOT_STARTED", null, null, null, 0, null, 0,
                    null));
        }
    }

    private void logged(EntryLogged logged) {
        entries.put(logged.entryId(), new TimelineEntry(logged.entryId(), logged.kind().name(),
                logged.kind().step().map(Step::slug).orElse(null), stored(EntryMoment.of(logged)),
                stored(logged.recordedAt()), asStored(EntryFields.of(logged)), 1, false, null, null));
    }

    private void revise(UUID entryId, Map<String, Object> changes) {
        entries.computeIfPresent(entryId, (id, e) -> {
            Map<String, Object> fields = new LinkedHashMap<>(e.fields());
            fields.putAll(changes);
            Instant moment = EntryMoment.amendedIn(app.rekindle.events.EntryKind.valueOf(e.kind()), changes)
                    .map(JournalFold::stored).orElse(e.occurredAt());
            return new TimelineEntry(id, e.kind(), e.step(), moment, e.recordedAt(), asStored(fields),
                    e.revision() + 1, e.retracted(), e.retractedAt(), e.retractionReason());
        });
    }

    /** Every entry ever logged, retracted ones included, in logging order. */
    public List<TimelineEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The six steps; entry counts and last entry times derive from the non-retracted entries, like the view's. */
    public List<StepProgress> steps() {
        return steps.values().stream().map(s -> {
            List<TimelineEntry> counted = entries.values().stream()
                    .filter(e -> !e.retracted() && s.step().equals(e.step())).toList();
            Instant last = counted.stream().map(TimelineEntry::occurredAt).max(Instant::compareTo).orElse(null);
            return new StepProgress(s.step(), s.number(), s.status(), s.startedAt(), s.completedAt(), s.summary(),
                    s.reopenedCount(), s.lastReopenReason(), counted.size(), last);
        }).toList();
    }

    /** The journal's own time zone, in which its days, weeks and months are counted. */
    public ZoneId zone() {
        return zone;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public long version() {
        return version;
    }

    /** PostgreSQL keeps microseconds (rounding the rest); the fold must answer with the same instants. */
    static Instant stored(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    /** Values as they come back from the view's jsonb column (numbers, strings, booleans). */
    private static Map<String, Object> asStored(Map<String, Object> fields) {
        return EntryFields.fromJson(EntryFields.toJson(fields));
    }

    private static Map<String, Object> changes(Object... keysAndValues) {
        Map<String, Object> changes = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            changes.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return changes;
    }
}
