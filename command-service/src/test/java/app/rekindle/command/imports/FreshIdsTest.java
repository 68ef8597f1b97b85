package app.rekindle.command.imports;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.DateKind;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.JournalEventJson;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every reference to an entry follows it to its fresh id; nothing else in an event changes. */
class FreshIdsTest {

    private static final Instant AT = Instant.parse("2026-02-01T09:00:00Z");
    private final UUID journal = UUID.randomUUID();
    private final UUID date = UUID.randomUUID();
    private final UUID otherDate = UUID.randomUUID();

    @Test
    void a_date_and_everything_said_about_it_move_to_one_fresh_id() {
        List<JournalEvent> exported = List.of(
                new JournalOpened(journal, "alice", "Sam", "Back", "UTC", AT, AT),
                new DatePlanned(journal, date, AT.plusSeconds(86400), "Picnic", DateKind.SURPRISE, AT, AT),
                new DatePlanned(journal, otherDate, AT.plusSeconds(86400), "Film", DateKind.SURPRISE, AT, AT),
                new EntryAmended(journal, date, Map.of("idea", "Picnic by the lake"), null, AT, AT),
                new DateHappened(journal, date, 5, "Lovely", AT, AT),
                new DateCancelled(journal, otherDate, null, AT, AT),
                new EntryRetracted(journal, otherDate, null, AT, AT));
        FreshIds ids = new FreshIds();

        List<JournalEvent> renamed = exported.stream().map(ids::of).toList();

        UUID newDate = ((DatePlanned) renamed.get(1)).entryId();
        UUID newOtherDate = ((DatePlanned) renamed.get(2)).entryId();
        assertThat(List.of(newDate, newOtherDate))
                .doesNotContain(date, otherDate)
                .doesNotHaveDuplicates();
        assertThat(renamed).allMatch(event -> event.journalId().equals(ids.journalId()));
        assertThat(ids.journalId()).isNotEqualTo(journal);
        for (int i = 0; i < exported.size(); i++) {
            assertThat(json(renamed.get(i)))
                    .isEqualTo(json(exported.get(i))
                            .replace(journal.toString(), ids.journalId().toString())
                            .replace(date.toString(), newDate.toString())
                            .replace(otherDate.toString(), newOtherDate.toString()));
        }
    }

    private static String json(JournalEvent event) {
        return JournalEventJson.mapper().writeValueAsString(event);
    }
}
