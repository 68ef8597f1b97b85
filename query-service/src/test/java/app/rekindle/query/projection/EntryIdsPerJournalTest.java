package app.rekindle.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent.ReflectionLogged;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestJournal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Entry ids are unique per journal only (a batch's sender chooses them): two journals' entries under one id, their
 * events interleaved in one poll, are two entries in every table the projections keep, each changed only by its
 * own journal's events.
 */
class EntryIdsPerJournalTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @Autowired
    JdbcClient jdbc;

    @Test
    void one_entry_id_in_two_journals_is_two_entries_in_every_view_table() {
        TestJournal alice = new TestJournal("alice-" + UUID.randomUUID());
        TestJournal bob = new TestJournal("bob-" + UUID.randomUUID());
        UUID shared = UUID.randomUUID();

        Projector.Result result = projector.applyAllUncounted(direct(
                alice.publish(alice.opened()),
                bob.publish(bob.opened()),
                alice.publish(alice.started(Step.REFLECT_ON_THE_PAST)),
                bob.publish(bob.started(Step.REFLECT_ON_THE_PAST)),
                alice.publish(reflection(alice, shared, "Alice's own words")),
                bob.publish(reflection(bob, shared, "Bob's words")),
                bob.publish(bob.amended(
                        shared,
                        Map.of("text", "Bob's second thoughts", "occurredAt", "2026-02-10T12:00:00Z"),
                        "moved")),
                bob.publish(bob.retracted(shared, "not mine to keep")),
                alice.publish(alice.amended(shared, Map.of("lesson", "Listen first"), "clearer"))));

        assertThat(result.outcomes()).containsOnly(Projector.Outcome.APPLIED);
        assertThat(row(alice, "select fields ->> 'text' as text, revision, retracted from timeline_entry"))
                .isEqualTo(Map.of("text", "Alice's own words", "revision", 2, "retracted", false));
        assertThat(row(bob, "select fields ->> 'text' as text, revision, retracted from timeline_entry"))
                .isEqualTo(Map.of("text", "Bob's second thoughts", "revision", 2, "retracted", true));
        assertThat(row(alice, "select count(*) as revisions from timeline_entry_revision"))
                .isEqualTo(Map.of("revisions", 2L));
        assertThat(row(bob, "select count(*) as revisions from timeline_entry_revision"))
                .isEqualTo(Map.of("revisions", 2L));
        assertThat(row(alice, "select count(*) as versions, count(valid_to) as ended from timeline_entry_version"))
                .isEqualTo(Map.of("versions", 2L, "ended", 1L));
        assertThat(row(bob, "select count(*) as versions, count(valid_to) as ended from timeline_entry_version"))
                .isEqualTo(Map.of("versions", 3L, "ended", 2L));
        assertThat(row(alice, "select retracted, occurred_at < '2026-03-01' as moved from step_entry"))
                .isEqualTo(Map.of("retracted", false, "moved", false));
        assertThat(row(bob, "select retracted, occurred_at < '2026-03-01' as moved from step_entry"))
                .isEqualTo(Map.of("retracted", true, "moved", true));
        assertThat(row(alice, "select entry_count from step_progress where step = 'reflect-on-the-past'"))
                .isEqualTo(Map.of("entry_count", 1));
        assertThat(row(bob, "select entry_count from step_progress where step = 'reflect-on-the-past'"))
                .isEqualTo(Map.of("entry_count", 0));
        assertThat(row(alice, "select day, retracted from on_this_day_entry"))
                .isEqualTo(Map.of("day", Date.valueOf("2026-03-01"), "retracted", false));
        assertThat(row(bob, "select day, retracted from on_this_day_entry"))
                .isEqualTo(Map.of("day", Date.valueOf("2026-02-10"), "retracted", true));
    }

    /** The one row the query finds for the shared entry of the journal. */
    private Map<String, Object> row(TestJournal journal, String select) {
        String where = select.contains(" where ") ? " and journal_id = :journal" : " where journal_id = :journal";
        return jdbc.sql(select + where).param("journal", journal.id).query().singleRow();
    }

    private static ReflectionLogged reflection(TestJournal journal, UUID entryId, String text) {
        Instant at = journal.tick();
        return new ReflectionLogged(
                journal.id, entryId, LocalDate.parse("2026-02-20"), text, "my part", "their part", "a lesson", at, at);
    }

    private static List<Incoming> direct(PublishedEvent... events) {
        return Arrays.stream(events).map(Incoming::direct).toList();
    }
}
