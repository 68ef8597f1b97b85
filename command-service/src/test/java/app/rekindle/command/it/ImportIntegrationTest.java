package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.command.keys.JournalKeys;
import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.ConversationChannel;
import app.rekindle.events.ConversationOutcome;
import app.rekindle.events.EventTypes;
import app.rekindle.events.Initiator;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.JournalEventJson;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An export (the query service's json format) in, the same events out on Kafka, or nothing written at all. */
class ImportIntegrationTest extends CommandServiceTest {

    private static TestEnvironment environment;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        environment = TestEnvironment.register(registry, "import");
    }

    @Autowired
    JournalKeys keys;

    final String token = Api.tokenFor("alice");
    final UUID journal = UUID.randomUUID();
    final List<PublishedEvent> exported = new ArrayList<>();

    @BeforeEach
    void an_exported_journal_of_alice() {
        Instant at = Instant.parse("2026-02-01T09:00:00.123456Z");
        UUID talk = UUID.randomUUID();
        add(new JournalOpened(journal, "alice", "Sam", "Back", "Europe/Berlin", at, at));
        add(new StepStarted(journal, Step.COMMUNICATE_OPENLY, at.plusSeconds(60), at.plusSeconds(60)));
        add(new ConversationLogged(
                journal,
                talk,
                "Money",
                Initiator.PARTNER,
                30,
                4,
                4,
                ConversationOutcome.RESOLVED,
                ConversationChannel.PHONE_CALL,
                "Calm",
                at.minusSeconds(86400),
                at.plusSeconds(60)));
        add(new EntryAmended(
                journal, talk, Map.of("topic", "Money and time"), "clearer", at.plusSeconds(120), at.plusSeconds(120)));
        add(new CheckedIn(journal, UUID.randomUUID(), 4, 3, "Hopeful", at.plusSeconds(180), at.plusSeconds(180)));
    }

    @Test
    void an_export_is_imported_as_a_new_journal_with_fresh_ids_and_goes_on_from_there() {
        Api.Response imported = api.post("/journals/import", token, export(exported));

        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.body().get("version").asLong()).isEqualTo(4);
        assertThat(imported.body().get("importedFrom").asString()).isEqualTo(journal.toString());
        String copy = imported.body().get("journalId").asString();
        assertThat(copy).isNotEqualTo(journal.toString());
        assertThat(imported.location()).endsWith("/journals/" + copy);
        try (TopicReader topic = new TopicReader(environment.topic)) {
            var records =
                    await().atMost(Duration.ofSeconds(30)).until(() -> topic.journal(copy), list -> list.size() >= 5);
            // Sealed again under this installation's key for the journal, which opens them as they were.
            List<PublishedEvent> published = records.stream()
                    .map(record -> CloudEventsKafka.fromRecord(record, keys::find))
                    .toList();
            assertThat(published)
                    .extracting(PublishedEvent::eventId)
                    .doesNotContainAnyElementsOf(
                            exported.stream().map(PublishedEvent::eventId).toList());
            assertThat(published).extracting(PublishedEvent::sequence).containsExactly(0L, 1L, 2L, 3L, 4L);
            // The same events, under the new journal's id and its entries' new ids (the amendment follows its entry).
            Map<String, String> ids = Map.of(
                    journal.toString(),
                    copy,
                    entryId(exported.get(2)),
                    entryId(published.get(2)),
                    entryId(exported.get(4)),
                    entryId(published.get(4)));
            assertThat(ids.values()).doesNotContainAnyElementsOf(ids.keySet());
            assertThat(published.stream().map(event -> json(event.event())).toList())
                    .isEqualTo(exported.stream()
                            .map(event -> renamed(json(event.event()), ids))
                            .toList());
            assertThat(records).noneMatch(record -> new String(record.value()).contains("Money"));
        }
        Api.Response next = api.post("/journals/" + copy + "/check-ins", token, "{\"mood\":5,\"connection\":5}");
        assertThat(next.status()).isEqualTo(201);
        assertThat(next.body().get("version").asLong()).isEqualTo(5);
        Api.Response again = api.post("/journals/import", token, export(exported));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().get("journalId").asString()).isNotIn(copy, journal.toString());
    }

    private static String entryId(PublishedEvent event) {
        return ((EntryLogged) event.event()).entryId().toString();
    }

    private static String json(JournalEvent event) {
        return JournalEventJson.mapper().writeValueAsString(event);
    }

    private static String renamed(String json, Map<String, String> ids) {
        String renamed = json;
        for (Map.Entry<String, String> id : ids.entrySet()) {
            renamed = renamed.replace(id.getKey(), id.getValue());
        }
        return renamed;
    }

    @Test
    void an_export_made_before_conversations_had_a_channel_still_imports() {
        ObjectNode export = (ObjectNode) JournalEventJson.mapper().readTree(export(exported));
        ObjectNode conversation = (ObjectNode) export.get("events").get(2);
        conversation.put("version", 1);
        ((ObjectNode) conversation.get("event")).remove("channel");

        Api.Response imported = api.post("/journals/import", token, export.toString());
        assertThat(imported.status()).isEqualTo(201);
        try (TopicReader topic = new TopicReader(environment.topic)) {
            var records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> topic.journal(imported.body().get("journalId").asString()), list -> list.size() >= 5);
            assertThat(((ConversationLogged)
                                    CloudEventsKafka.fromRecord(records.get(2)).event())
                            .channel())
                    .isEqualTo(ConversationChannel.NOT_RECORDED);
        }
    }

    @Test
    void a_broken_export_is_refused_naming_the_problem_and_nothing_is_written() {
        long storedBefore = storedEvents();
        List<PublishedEvent> gap = new ArrayList<>(exported);
        gap.remove(2);
        List<PublishedEvent> unknownEntry = new ArrayList<>(exported.subList(0, 2));
        unknownEntry.add(PublishedEvent.of(
                UUID.randomUUID().toString(), 2, exported.get(3).event()));

        assertRefused(export(gap), "events[2].sequence");
        assertRefused(export(unknownEntry), "events[2].event.entryId");
        assertRefused(export(exported).replace("rekindle.journal-export/1", "something-else/1"), "format");
        assertThat(api.post("/journals/import", Api.tokenFor("mallory"), export(exported))
                        .body()
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asString())
                .isEqualTo("events[0].event.ownerId");
        assertThat(storedEvents()).isEqualTo(storedBefore);
    }

    private long storedEvents() {
        return jdbc.sql("select count(*) from domain_event_entry")
                .query(Long.class)
                .single();
    }

    private void assertRefused(String export, String field) {
        Api.Response response = api.post("/journals/import", token, export);
        assertThat(response.status()).as(field).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }

    private void add(JournalEvent event) {
        exported.add(PublishedEvent.of(UUID.randomUUID().toString(), exported.size(), event));
    }

    /** The query service's export format: envelopes with the contract's names and versions. */
    private String export(List<PublishedEvent> events) {
        ObjectNode export = JournalEventJson.mapper().createObjectNode();
        export.put("format", "rekindle.journal-export/1");
        export.put("journalId", journal.toString());
        ArrayNode list = export.putArray("events");
        for (PublishedEvent event : events) {
            ObjectNode envelope = list.addObject();
            envelope.put("id", event.eventId());
            envelope.put("type", EventTypes.of(event.event()).name());
            envelope.put("version", EventTypes.of(event.event()).version());
            envelope.put("sequence", event.sequence());
            envelope.set("event", JournalEventJson.mapper().valueToTree(event.event()));
        }
        return export.toString();
    }
}
