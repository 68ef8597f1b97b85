package app.rekindle.query.projection;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

class ExactlyOnceTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @Autowired
    ProjectionPipeline pipeline;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void a_redelivered_event_changes_nothing() {
        TestJournal journal = new TestJournal("alice");
        projector.apply(journal.publish(journal.opened()));
        projector.apply(journal.publish(journal.started(Step.COMMUNICATE_OPENLY)));
        PublishedEvent conversation = journal.publish(journal.conversation("Holidays"));
        assertThat(projector.apply(conversation)).isEqualTo(Projector.Outcome.APPLIED);
        List<Map<String, Object>> before = rowsOf(journal.id);

        assertThat(projector.apply(conversation)).isEqualTo(Projector.Outcome.DUPLICATE);
        assertThat(projector.apply(journal.publishAt(0, journal.opened()))).isEqualTo(Projector.Outcome.DUPLICATE);

        assertThat(rowsOf(journal.id)).isEqualTo(before);
        assertThat(position(journal.id)).containsEntry("last_sequence", 2L).containsEntry("stale", false);
    }

    @Test
    void a_sequence_jump_is_detected_and_what_follows_waits_until_the_missing_event_arrives() {
        TestJournal journal = new TestJournal("alice");
        projector.apply(journal.publish(journal.opened()));
        PublishedEvent skipped = journal.publish(journal.started(Step.REFLECT_ON_THE_PAST));
        PublishedEvent afterGap = journal.publish(journal.reflection("We drifted"));

        assertThat(projector.apply(afterGap)).isEqualTo(Projector.Outcome.GAP);

        assertThat(position(journal.id)).containsEntry("last_sequence", 0L).containsEntry("stale", true);
        assertThat(jdbc.sql("select count(*) from timeline_entry where journal_id = :id")
                        .param("id", journal.id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("""
                        select expected_sequence, received_sequence from projection_gap where journal_id = :id""").param("id", journal.id).query().listOfRows())
                .containsExactly(Map.of("expected_sequence", 1L, "received_sequence", 2L));
        TestApi.Response read = new TestApi(port).get("/journals/" + journal.id + "/progress", "alice");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Rekindle-View-Stale")).isEqualTo("true");
        assertThat(read.body().get("stale").asBoolean()).isTrue();

        // The missing event arriving late is applied, then the one that waited for it; the stale mark goes.
        pipeline.process(List.of(Incoming.direct(skipped)));

        assertThat(position(journal.id)).containsEntry("last_sequence", 2L).containsEntry("stale", false);
        assertThat(jdbc.sql("select count(*) from timeline_entry where journal_id = :id")
                        .param("id", journal.id)
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(jdbc.sql("select filled_at is not null from projection_gap where journal_id = :id")
                        .param("id", journal.id)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(new TestApi(port)
                        .get("/journals/" + journal.id + "/progress", "alice")
                        .header("Rekindle-View-Stale"))
                .isNull();
    }

    @Test
    void a_first_event_other_than_the_opening_is_a_gap() {
        TestJournal journal = new TestJournal("alice");
        journal.publish(journal.opened());

        assertThat(projector.apply(journal.publish(journal.checkIn("fine")))).isEqualTo(Projector.Outcome.GAP);

        assertThat(position(journal.id)).containsEntry("last_sequence", -1L).containsEntry("stale", true);
        assertThat(new TestApi(port).get("/journals/" + journal.id, "alice").status())
                .isEqualTo(404);
    }

    @Test
    void erasing_a_journal_purges_its_views_and_ignores_what_follows() {
        TestJournal journal = new TestJournal("alice");
        projector.apply(journal.publish(journal.opened()));
        projector.apply(journal.publish(journal.started(Step.REFLECT_ON_THE_PAST)));
        var reflection = journal.reflection("We drifted");
        projector.apply(journal.publish(reflection));
        projector.apply(journal.publish(journal.amended(reflection.entryId(), Map.of("lesson", "Listen"), "clearer")));

        assertThat(projector.apply(journal.publish(journal.erased()))).isEqualTo(Projector.Outcome.APPLIED);
        assertThat(projector.apply(journal.publish(journal.checkIn("after"))))
                .isEqualTo(Projector.Outcome.ERASED_IGNORED);

        assertThat(rowsOf(journal.id)).isEmpty();
        assertThat(jdbc.sql("select count(*) from timeline_entry_revision where entry_id = :id")
                        .param("id", reflection.entryId())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(position(journal.id)).containsEntry("erased", true).containsEntry("last_sequence", 4L);
        TestApi api = new TestApi(port);
        for (String path : List.of("", "/timeline", "/progress", "/entries/" + reflection.entryId())) {
            assertThat(api.get("/journals/" + journal.id + path, "alice").status())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(api.get("/journals", "alice")
                        .body()
                        .get("journals")
                        .valueStream()
                        .map(j -> j.get("journalId").asString()))
                .doesNotContain(journal.id.toString());
    }

    /** Every view row of a journal, as plain values, to compare before and after. */
    private List<Map<String, Object>> rowsOf(UUID journalId) {
        return jdbc.sql("""
                        select 'journal' as view, to_jsonb(j)::text as row from journal_view j where journal_id = :id
                        union all
                        select 'entry', to_jsonb(e)::text from timeline_entry e where journal_id = :id
                        union all
                        select 'revision', to_jsonb(r)::text from timeline_entry_revision r
                          join timeline_entry e using (entry_id) where e.journal_id = :id
                        union all
                        select 'step', to_jsonb(s)::text from step_progress s where journal_id = :id
                        union all
                        select 'step_entry', to_jsonb(s)::text from step_entry s where journal_id = :id
                        order by 1, 2""").param("id", journalId).query().listOfRows();
    }

    private Map<String, Object> position(UUID journalId) {
        return jdbc.sql("select last_sequence, stale, erased from journal_position where journal_id = :id")
                .param("id", journalId)
                .query()
                .singleRow();
    }
}
