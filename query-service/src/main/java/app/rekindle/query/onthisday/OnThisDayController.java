package app.rekindle.query.onthisday;

import io.swagger.v3.oas.annotations.Operation;
import app.rekindle.query.replay.JournalFold;
import app.rekindle.query.replay.JournalReplay;
import app.rekindle.query.replay.WholeJournalReads;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

@RestController
class OnThisDayController {

    private final JournalReplay replay;
    private final WholeJournalReads reads;
    private final Clock clock;

    OnThisDayController(JournalReplay replay, WholeJournalReads reads, Clock clock) {
        this.replay = replay;
        this.reads = reads;
        this.clock = clock;
    }

    /** {@code date} is a day in the journal's time zone; left out, it is today there. */
    @Operation(summary = "Entries from the same calendar day in earlier months and years")
    @GetMapping("/journals/{journalId}/on-this-day")
    ResponseEntity<OnThisDay> onThisDay(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID journalId,
                                        @RequestParam(required = false) LocalDate date,
                                        @RequestParam(required = false) Long minVersion) {
        return reads.read(journalId, jwt.getSubject(), minVersion, access -> {
            JournalFold journal = replay.upTo(journalId, access.version());
            LocalDate day = date != null ? date : clock.instant().atZone(journal.zone()).toLocalDate();
            return new OnThisDay(journalId, access.version(), access.stale(), day,
                    EarlierDays.of(journal.entries(), journal.zone(), day));
        });
    }
}
