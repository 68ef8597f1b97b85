package app.rekindle.command.journal;

import java.util.UUID;

/**
 * What every command to an existing journal carries: which journal, who asks (the token's subject) and, when
 * the client sent {@code If-Match}, the version it based the command on.
 */
public sealed interface JournalCommand permits LogReflection, LogConversation, LogGesture, PlanDate, MarkDateHappened,
        CancelDate, ShareActivity, TakePersonalTime, CheckIn, StartStep, CompleteStep, ReopenStep, AmendEntry,
        RetractEntry, CloseJournal, EraseJournal {

    UUID journalId();

    String requestedBy();

    Long expectedVersion();
}
