package app.rekindle.command.journal;

import static app.rekindle.command.journal.FieldRules.happened;
import static app.rekindle.command.journal.FieldRules.longText;
import static app.rekindle.command.journal.FieldRules.minutes;
import static app.rekindle.command.journal.FieldRules.optionalLongText;
import static app.rekindle.command.journal.FieldRules.planned;
import static app.rekindle.command.journal.FieldRules.rating;
import static app.rekindle.command.journal.FieldRules.required;
import static app.rekindle.command.journal.FieldRules.shortText;

import app.rekindle.command.journal.JournalCommand.CheckIn;
import app.rekindle.command.journal.JournalCommand.LogConversation;
import app.rekindle.command.journal.JournalCommand.LogGesture;
import app.rekindle.command.journal.JournalCommand.LogReflection;
import app.rekindle.command.journal.JournalCommand.PlanDate;
import app.rekindle.command.journal.JournalCommand.ShareActivity;
import app.rekindle.command.journal.JournalCommand.TakePersonalTime;
import app.rekindle.events.ConversationChannel;
import app.rekindle.events.JournalEvent.ActivityShared;
import app.rekindle.events.JournalEvent.CheckedIn;
import app.rekindle.events.JournalEvent.ConversationLogged;
import app.rekindle.events.JournalEvent.DatePlanned;
import app.rekindle.events.JournalEvent.GestureLogged;
import app.rekindle.events.JournalEvent.PersonalTimeTaken;
import app.rekindle.events.JournalEvent.ReflectionLogged;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** Checks the fields of a logging command and turns it into its event; {@code now} is the command's moment. */
final class NewEntries {

    private NewEntries() {}

    /** A reflection is about a day, not a moment: it happened at the start of that day in the journal's zone. */
    static ReflectionLogged reflection(LogReflection c, ZoneId zone, Instant now) {
        LocalDate on = happened("occurredOn", c.occurredOn(), now);
        return new ReflectionLogged(
                c.journalId(),
                required("entryId", c.entryId()),
                on,
                longText("text", c.text()),
                optionalLongText("myPart", c.myPart()),
                optionalLongText("theirPart", c.theirPart()),
                optionalLongText("lesson", c.lesson()),
                on.atStartOfDay(zone).toInstant(),
                now);
    }

    static ConversationLogged conversation(LogConversation c, Instant now) {
        return new ConversationLogged(
                c.journalId(),
                required("entryId", c.entryId()),
                shortText("topic", c.topic()),
                required("initiatedBy", c.initiatedBy()),
                minutes("minutes", c.minutes()),
                rating("feltHeard", c.feltHeard()),
                rating("listenedWell", c.listenedWell()),
                required("outcome", c.outcome()),
                c.channel() == null ? ConversationChannel.NOT_RECORDED : c.channel(),
                optionalLongText("notes", c.notes()),
                happened("occurredAt", c.occurredAt(), now),
                now);
    }

    static GestureLogged gesture(LogGesture c, Instant now) {
        return new GestureLogged(
                c.journalId(),
                required("entryId", c.entryId()),
                required("kind", c.kind()),
                optionalLongText("description", c.description()),
                happened("occurredAt", c.occurredAt(), now),
                now);
    }

    /** Planning happens now; the date itself may lie years ahead, up to the planning horizon. */
    static DatePlanned date(PlanDate c, Instant now) {
        return new DatePlanned(
                c.journalId(),
                required("dateId", c.dateId()),
                planned("plannedFor", c.plannedFor(), now),
                shortText("idea", c.idea()),
                required("kind", c.kind()),
                now,
                now);
    }

    static ActivityShared activity(ShareActivity c, Instant now) {
        return new ActivityShared(
                c.journalId(),
                required("entryId", c.entryId()),
                shortText("activity", c.activity()),
                required("laughedTogether", c.laughedTogether()),
                optionalLongText("newMemory", c.newMemory()),
                happened("occurredAt", c.occurredAt(), now),
                now);
    }

    static PersonalTimeTaken personalTime(TakePersonalTime c, Instant now) {
        return new PersonalTimeTaken(
                c.journalId(),
                required("entryId", c.entryId()),
                required("whose", c.whose()),
                shortText("pursuit", c.pursuit()),
                minutes("minutes", c.minutes()),
                happened("occurredAt", c.occurredAt(), now),
                now);
    }

    static CheckedIn checkIn(CheckIn c, Instant now) {
        Instant occurredAt = c.occurredAt() == null ? now : happened("occurredAt", c.occurredAt(), now);
        return new CheckedIn(
                c.journalId(),
                required("entryId", c.entryId()),
                rating("mood", c.mood()),
                rating("connection", c.connection()),
                optionalLongText("note", c.note()),
                occurredAt,
                now);
    }
}
