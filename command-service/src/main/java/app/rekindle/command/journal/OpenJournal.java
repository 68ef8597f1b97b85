package app.rekindle.command.journal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Starts a journal; the person asking becomes its owner. */
public record OpenJournal(@TargetAggregateIdentifier UUID journalId, String requestedBy, String partnerName,
                          String intention, String timezone) {
}
