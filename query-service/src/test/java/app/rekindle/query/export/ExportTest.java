package app.rekindle.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.EventTypes;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEventJson;
import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class ExportTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    TestApi api;
    TestJournal journal;
    List<JournalEvent> events = new ArrayList<>();
    JournalEvent.ConversationLogged talk;

    @BeforeEach
    void journal_of_alice() {
        api = new TestApi(port);
        journal = new TestJournal("alice-" + UUID.randomUUID());
        apply(journal.opened());
        apply(journal.started(Step.COMMUNICATE_OPENLY));
        talk = journal.conversation("Money, \"again\"");
        apply(talk);
        apply(journal.amended(talk.entryId(), Map.of("notes", "=SUM(A1:A9)"), "honest"));
        var gesture = journal.gesture("Logged by mistake");
        apply(gesture);
        apply(journal.retracted(gesture.entryId(), "oops"));
        apply(journal.checkIn("Hopeful"));
    }

    @Test
    void the_json_export_holds_every_event_in_order_readable_as_the_contract() {
        var response = get("json");

        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("Content-Disposition")).contains("journal-" + journal.id + ".json");
        assertThat(response.body().get("version").asLong()).isEqualTo(journal.version());
        List<JournalEvent> exported = response.body()
                .get("events")
                .valueStream()
                .map(e -> JournalEventJson.fromBytes(
                        e.get("type").asString(), e.get("event").toString().getBytes(StandardCharsets.UTF_8)))
                .toList();
        assertThat(exported).isEqualTo(events);
        assertThat(response.body().get("events").get(2).get("sequence").asLong())
                .isEqualTo(2);
        assertThat(response.body().get("events").get(2).get("version").asInt())
                .isEqualTo(EventTypes.of(events.get(2)).version());
    }

    @Test
    void a_journal_longer_than_a_page_is_exported_whole_and_in_order() {
        for (int i = 0; i < 2 * JsonExport.PAGE + 50; i++) {
            apply(journal.checkIn("day " + i));
        }

        var response = get("json");

        assertThat(response.body()
                        .get("events")
                        .valueStream()
                        .map(e -> e.get("sequence").asLong())
                        .toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(0, journal.version())
                        .boxed()
                        .toList());
        assertThat(response.body().get("version").asLong()).isEqualTo(journal.version());
    }

    @Test
    void the_csv_export_is_the_entries_table_quoted_and_safe_to_open() {
        var response = get("csv");
        String[] lines = response.raw().split("\r\n");

        assertThat(response.header("Content-Type")).startsWith("text/csv");
        assertThat(lines).hasSize(1 + 3);
        assertThat(lines[0]).startsWith("entryId,kind,step,occurredAt,recordedAt,revision,retracted");
        String conversation = List.of(lines).stream()
                .filter(l -> l.startsWith(talk.entryId().toString()))
                .findFirst()
                .orElseThrow();
        assertThat(conversation)
                .contains("\"Money, \"\"again\"\"\"")
                .contains(",\"'=SUM(A1:A9)\",")
                .contains(",2,false,");
        assertThat(response.raw()).contains("Logged by mistake");
    }

    @Test
    void the_markdown_export_reads_like_a_journal_without_retracted_entries() {
        var response = get("markdown");

        assertThat(response.header("Content-Type")).startsWith("text/markdown");
        assertThat(response.raw())
                .startsWith("# Journal with Sam")
                .contains("## 2026-03-01")
                .contains("Conversation** _(amended)_")
                .contains("note: Hopeful")
                .contains("2. communicate-openly: in progress (1 entry)")
                .doesNotContain("Logged by mistake");
    }

    @Test
    void formulas_html_and_links_people_wrote_are_neutralised_in_both_exports_end_to_end() {
        apply(journal.gesture("\t=HYPERLINK(\"http://evil.example\",\"x\")"));
        apply(journal.checkIn("\r@SUM(1+1)*cmd|' /C calc'!A0"));
        apply(journal.activity("<img src=x onerror=alert(1)> [click](javascript:alert(1))"));
        apply(journal.conversation("![pixel](data:image/png;base64,AAAA) <script>alert(1)</script>"));

        String csv = get("csv").raw();
        String markdown = get("markdown").raw();

        assertThat(csv)
                .contains(",\"'\t=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",")
                .contains(",\"'\r@SUM(1+1)*cmd|' /C calc'!A0\"");
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(",")) {
                assertThat(cell)
                        .as(line)
                        .doesNotStartWith("=")
                        .doesNotStartWith("@")
                        .doesNotStartWith("\t")
                        .doesNotStartWith("+");
            }
        }
        assertThat(markdown)
                .doesNotContain("<img")
                .doesNotContain("<script")
                .doesNotContain("](javascript")
                .doesNotContain("](data")
                .doesNotContain("javascript:")
                .doesNotContain("data:")
                .contains("&lt;img src=x onerror=alert\\(1\\)&gt; \\[click\\]\\(javascript\\:alert\\(1\\)\\)");
        assertThat(api.get("/journals/" + journal.id + "/timeline?includeRetracted=true", journal.owner)
                        .raw())
                .contains("<img src=x onerror=alert(1)>");
    }

    @Test
    void an_unknown_format_is_400_and_someone_elses_export_is_404_like_a_missing_journal() {
        var bad = api.get("/journals/" + journal.id + "/export?format=pdf", journal.owner);
        var foreign = api.get("/journals/" + journal.id + "/export", "mallory");
        var missing = api.get("/journals/" + UUID.randomUUID() + "/export", "mallory");

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("format");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.raw()).isEqualTo(missing.raw());
    }

    private TestApi.Response get(String format) {
        var response = api.get(
                "/journals/" + journal.id + "/export?format=" + format + "&minVersion=" + journal.version(),
                journal.owner);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response;
    }

    private void apply(JournalEvent event) {
        events.add(event);
        assertThat(projector.apply(journal.publish(event))).isEqualTo(Projector.Outcome.APPLIED);
    }
}
