package app.rekindle.command.erasure;

import app.rekindle.command.access.JournalOwners;
import app.rekindle.command.eventstore.StoredEvents;
import app.rekindle.command.web.CommandContext;
import app.rekindle.command.web.Problems;
import app.rekindle.events.rules.ValueWindows;
import app.rekindle.support.web.TextRules;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deleting an account erases every journal its owner opened, for the identity provider: only a token with the
 * {@code accounts-erase} scope passes (SecurityConfig). The owner is recorded first, so from then on their token
 * opens and imports nothing ({@link ErasedOwners}); then each journal still theirs is erased exactly as
 * {@code DELETE /journals/{id}} erases it, each in its own transaction. The answer names the journals this call
 * erased, so a repeated call (a retry after a failure halfway) erases the rest and names only those: an empty list
 * once all are gone. Whether the subject ever had an account is not said: an unknown subject answers the same
 * empty list, and is recorded as erased all the same.
 */
@RestController
class OwnerErasureController {

    record ErasureAnswer(List<UUID> erased) {}

    /** Journals looked up per read of the event store: what one read answers at most. */
    static final int PAGE = 500;

    private final ErasedOwners erasedOwners;
    private final StoredEvents store;
    private final JournalOwners owners;
    private final JournalErasure erasure;

    OwnerErasureController(
            ErasedOwners erasedOwners, StoredEvents store, JournalOwners owners, JournalErasure erasure) {
        this.erasedOwners = erasedOwners;
        this.store = store;
        this.owners = owners;
        this.erasure = erasure;
    }

    @Operation(
            summary = "Identity provider: erase every journal the subject opened, and refuse their tokens from then"
                    + " on (needs the accounts-erase scope)")
    @PostMapping("/internal/owners/{subject}/erasure")
    ErasureAnswer eraseOwner(
            @Parameter(
                            description = "The token subject of the deleted account, 1–" + ValueWindows.SUBJECT
                                    + " characters")
                    @PathVariable
                    String subject) {
        check(subject);
        erasedOwners.record(subject);
        List<UUID> erased = new ArrayList<>();
        List<UUID> page;
        UUID after = null;
        do {
            page = store.journalsOpenedBy(subject, after, PAGE);
            for (UUID journalId : page) {
                if (owners.stillTheirs(journalId, subject) && erase(journalId, subject)) {
                    erased.add(journalId);
                }
            }
            after = page.isEmpty() ? null : page.getLast();
        } while (page.size() == PAGE);
        return new ErasureAnswer(erased);
    }

    /** False when it was erased meanwhile (its owner, from another tab, as the account went). */
    private boolean erase(UUID journalId, String owner) {
        try {
            erasure.erase(journalId, new CommandContext(owner, null, null, "DELETE", "/journals/" + journalId));
            return true;
        } catch (AggregateNotFoundException erasedMeanwhile) {
            return false;
        }
    }

    private static void check(String subject) {
        String problem = subject.isBlank()
                ? "not-blank"
                : subject.length() > ValueWindows.SUBJECT
                        ? "max-length"
                        : TextRules.isSafe(subject) ? null : TextRules.RULE;
        if (problem != null) {
            throw new ErrorResponseException(
                    HttpStatus.BAD_REQUEST,
                    Problems.invalid(List.of(Problems.error(
                            "subject",
                            problem,
                            "subject must be 1 to " + ValueWindows.SUBJECT + " characters of text, as a token's"
                                    + " subject is."))),
                    null);
        }
    }
}
