package app.rekindle.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class HistoryTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    TestApi api;
    TestJournal journal;
    List<JournalEvent> events = new ArrayList<>();

    @BeforeEach
    void journal_with_a_few_events() {
        api = new TestApi(port);
        journal = new TestJournal("alice-" + UUID.randomUUID());
        apply(journal.opened());
        apply(journal.started(Step.COMMUNICATE_OPENLY));
        var talk = journal.conversation("Holidays");
        apply(talk);
        apply(journal.amended(talk.entryId(), Map.of("topic", "Summer holidays"), "typo"));
        apply(journal.checkIn("fine"));
    }

    @Test
    void the_history_lists_every_event_in_sequence_order_with_its_envelope_and_content() {
        JsonNode page = get("/history");

        assertThat(page.get("version").asLong()).isEqualTo(4);
        JsonNode history = page.get("events");
        assertThat(history.valueStream().map(e -> e.get("sequence").asLong())).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(history.valueStream().map(e -> e.get("type").asString()))
                .containsExactly(
                        "journal-opened", "step-started", "conversation-logged", "entry-amended", "checked-in");
        JsonNode amended = history.get(3);
        assertThat(amended.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(amended.get("recordedAt").asString())
                .isEqualTo(events.get(3).recordedAt().toString());
        assertThat(amended.get("occurredAt").asString())
                .isEqualTo(events.get(3).occurredAt().toString());
        assertThat(amended.get("event").get("changes").get("topic").asString()).isEqualTo("Summer holidays");
        assertThat(amended.get("event").get("reason").asString()).isEqualTo("typo");
        assertThat(page.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void pages_follow_each_other_by_sequence_without_repeats() {
        JsonNode first = get("/history?limit=2");
        JsonNode second =
                get("/history?limit=2&cursor=" + first.get("nextCursor").asString());
        JsonNode third =
                get("/history?limit=2&cursor=" + second.get("nextCursor").asString());

        assertThat(sequences(first)).containsExactly(0L, 1L);
        assertThat(sequences(second)).containsExactly(2L, 3L);
        assertThat(sequences(third)).containsExactly(4L);
        assertThat(third.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void from_and_until_bound_the_recording_time_both_inclusive() {
        String from = events.get(1).recordedAt().toString();
        String until = events.get(3).recordedAt().toString();

        assertThat(sequences(get("/history?from=" + from + "&until=" + until))).containsExactly(1L, 2L, 3L);
        assertThat(sequences(get("/history?until=" + until))).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void an_erased_journal_leaves_no_history_behind() {
        apply(journal.erased());

        assertThat(api.get("/journals/" + journal.id + "/history", journal.owner)
                        .status())
                .isEqualTo(404);
        assertThat(jdbcCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "limit=0",
                "limit=1001",
                "cursor=bogus",
                "from=yesterday",
                "from=2026-03-02T00:00:00Z&until=2026-03-01T00:00:00Z",
                "minVersion=-1"
            })
    void bad_history_parameters_are_400_naming_the_parameter(String query) {
        var response = api.get("/journals/" + journal.id + "/history?" + query, journal.owner);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("field").asString())
                .isEqualTo(query.substring(query.lastIndexOf('&') + 1, query.lastIndexOf('=')));
    }

    @Test
    void someone_elses_history_answers_like_a_missing_journal() {
        var foreign = api.get("/journals/" + journal.id + "/history", "mallory");
        var missing = api.get("/journals/" + UUID.randomUUID() + "/history", "mallory");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.raw()).isEqualTo(missing.raw());
    }

    private long jdbcCount() {
        return jdbc.sql("select count(*) from journal_event where journal_id = :id")
                .param("id", journal.id)
                .query(Long.class)
                .single();
    }

    private void apply(JournalEvent event) {
        events.add(event);
        assertThat(projector.apply(journal.publish(event))).isEqualTo(Projector.Outcome.APPLIED);
    }

    private JsonNode get(String path) {
        var response = api.get("/journals/" + journal.id + path, journal.owner);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private static List<Long> sequences(JsonNode page) {
        return page.get("events")
                .valueStream()
                .map(e -> e.get("sequence").asLong())
                .toList();
    }
}
