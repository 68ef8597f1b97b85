package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.rekindle.events.ConversationChannel;
import app.rekindle.events.ConversationOutcome;
import app.rekindle.events.DateKind;
import app.rekindle.events.Initiator;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.*;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * Whatever ids an export carries, an import becomes a new journal of the importing person: another person's
 * journal id, entry ids or event ids neither change the answer nor reach anyone's journal. And an import holds
 * nothing the commands would refuse. No answer is a 5xx, and every journal that existed before reads the same
 * afterwards.
 */
class ImportTrustsNothingTest extends CommandServiceTest {

    private static TestEnvironment environment;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        environment = TestEnvironment.register(registry, "import-trust");
    }

    private static final Instant AT = Instant.parse("2026-02-01T09:00:00Z");

    @Autowired
    EventStore eventStore;

    final String alice = Api.tokenFor("alice-imports");
    final String bob = Api.tokenFor("bob-imports");
    String bobsJournal;
    String bobsEntry;
    List<String> before;

    @BeforeEach
    void bob_keeps_a_journal_of_his_own() {
        bobsJournal = api.openJournal(bob);
        bobsEntry = api.post("/journals/" + bobsJournal + "/conversations", bob, Api.conversation(4))
                .body()
                .get("entryId")
                .asString();
        before = storedEvents();
    }

    @AfterEach
    void every_journal_that_existed_reads_the_same() {
        List<String> after = storedEvents();
        assertThat(after).containsAll(before);
        assertThat(bobsEventIds()).hasSize(3);
        assertThat(api.post(
                                "/journals/" + bobsJournal + "/entries/" + bobsEntry + "/amendment",
                                bob,
                                "{\"changes\":{\"minutes\":41}}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void someone_elses_journal_id_answers_exactly_as_an_unused_id_would() {
        Api.Response onBobsId = importAs(
                alice,
                ExportDocument.of(
                        UUID.fromString(bobsJournal), aliceWrote(UUID.fromString(bobsJournal), UUID.randomUUID())));
        UUID unused = UUID.randomUUID();
        Api.Response onUnusedId = importAs(alice, ExportDocument.of(unused, aliceWrote(unused, UUID.randomUUID())));

        for (Api.Response answer : List.of(onBobsId, onUnusedId)) {
            assertThat(answer.status()).isEqualTo(201);
            assertThat(fieldNames(answer)).containsExactly("importedFrom", "journalId", "version");
            assertThat(answer.body().get("version").asLong()).isEqualTo(1);
        }
        assertThat(onBobsId.body().get("importedFrom").asString()).isEqualTo(bobsJournal);
        assertThat(onBobsId.body().get("journalId").asString()).isNotEqualTo(bobsJournal);
        assertThat(onUnusedId.body().get("journalId").asString()).isNotEqualTo(unused.toString());
        reachesTheViews(onBobsId);
    }

    @Test
    void an_entry_id_from_someone_elses_journal_becomes_an_entry_id_of_the_new_journal() {
        UUID exported = UUID.randomUUID();
        Api.Response imported =
                importAs(alice, ExportDocument.of(exported, aliceWrote(exported, UUID.fromString(bobsEntry))));

        assertThat(imported.status()).isEqualTo(201);
        String copy = imported.body().get("journalId").asString();
        Object entry = eventStore
                .readEvents(copy)
                .asStream()
                .map(message -> message.getPayload())
                .filter(CheckedIn.class::isInstance)
                .map(CheckedIn.class::cast)
                .findFirst()
                .orElseThrow()
                .entryId();
        assertThat(entry.toString()).isNotEqualTo(bobsEntry);
        reachesTheViews(imported);
    }

    @Test
    void duplicate_foreign_and_overlong_event_ids_are_replaced_by_fresh_ones() {
        String bobsEventId = bobsEventIds().getFirst();
        for (Function<Integer, String> id :
                List.<Function<Integer, String>>of(i -> "same-id-twice", i -> bobsEventId, i -> "x".repeat(1000) + i)) {
            UUID exported = UUID.randomUUID();
            ObjectNode export = ExportDocument.of(exported, aliceWrote(exported, UUID.randomUUID()));
            for (int i = 0; i < export.get("events").size(); i++) {
                ((ObjectNode) export.get("events").get(i)).put("id", id.apply(i));
            }

            Api.Response imported = importAs(alice, export);

            assertThat(imported.status()).isEqualTo(201);
            List<String> ids = eventIds(imported.body().get("journalId").asString());
            assertThat(ids)
                    .hasSize(2)
                    .doesNotHaveDuplicates()
                    .allMatch(eventId -> eventId.matches("[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}"))
                    .doesNotContain(bobsEventId);
            reachesTheViews(imported);
        }
    }

    @Test
    void an_export_of_ones_own_journal_imports_again_as_a_second_journal() {
        String original = api.openJournal(alice);
        String talk = api.post("/journals/" + original + "/conversations", alice, Api.conversation(3))
                .body()
                .get("entryId")
                .asString();
        api.post(
                "/journals/" + original + "/entries/" + talk + "/amendment",
                alice,
                "{\"changes\":{\"feltHeard\":4},\"reason\":\"remembered\"}");
        List<JournalEvent> stored = eventStore
                .readEvents(original)
                .asStream()
                .map(message -> (JournalEvent) message.getPayload())
                .toList();

        Api.Response imported = importAs(alice, ExportDocument.of(UUID.fromString(original), stored));

        assertThat(imported.status()).isEqualTo(201);
        assertThat(imported.body().get("version").asLong()).isEqualTo(stored.size() - 1);
        String copy = imported.body().get("journalId").asString();
        assertThat(copy).isNotEqualTo(original);
        reachesTheViews(imported);
        // Both journals go on, each on its own.
        assertThat(api.post("/journals/" + original + "/check-ins", alice, "{\"mood\":4,\"connection\":4}")
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/journals/" + copy + "/check-ins", alice, "{\"mood\":4,\"connection\":4}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void a_retried_import_with_its_idempotency_key_answers_the_first_201_and_imports_once() {
        UUID exported = UUID.randomUUID();
        String export = ExportDocument.of(exported, aliceWrote(exported, UUID.randomUUID()))
                .toString();
        String key = UUID.randomUUID().toString();

        Api.Response first = api.post("/journals/import", alice, export, "Idempotency-Key", key);
        Api.Response retried = api.post("/journals/import", alice, export, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(storedEvents()).hasSize(before.size() + 2);
    }

    @Test
    void values_the_commands_refuse_are_refused_naming_the_event_and_field() {
        UUID j = UUID.randomUUID();
        Instant now = Instant.now();
        refused(
                List.of(opened(j), new CheckedIn(j, UUID.randomUUID(), 9, 3, null, AT, AT)),
                "events[1].event.mood",
                "range");
        refused(
                List.of(new JournalOpened(j, "alice-imports", "Sam", "Back", "Mars/Base", AT, AT)),
                "events[0].event.timezone",
                "timezone");
        refused(
                List.of(new JournalOpened(j, "alice-imports", "S".repeat(300), "Back", "UTC", AT, AT)),
                "events[0].event.partnerName",
                "max-length");
        refused(
                List.of(opened(j), new CheckedIn(j, UUID.randomUUID(), 4, 3, null, AT, now.plus(Duration.ofDays(2)))),
                "events[1].event.recordedAt",
                "window");
        refused(
                List.of(
                        opened(j),
                        new CheckedIn(j, UUID.randomUUID(), 4, 3, null, AT.minusSeconds(60), AT.minusSeconds(60))),
                "events[1].event.recordedAt",
                "not-backwards");
        refused(
                List.of(
                        opened(j),
                        new CheckedIn(j, UUID.randomUUID(), 4, 3, null, Instant.parse("-300000-01-01T00:00:00Z"), AT)),
                "events[1].event.occurredAt",
                "window");
        refused(
                List.of(
                        opened(j),
                        new ReflectionLogged(
                                j,
                                UUID.randomUUID(),
                                LocalDate.parse("-999999999-01-01"),
                                "Long ago",
                                null,
                                null,
                                null,
                                AT,
                                AT)),
                "events[1].event.occurredOn",
                "window");
        refused(
                List.of(
                        opened(j),
                        new DatePlanned(
                                j,
                                UUID.randomUUID(),
                                Instant.parse("-300000-01-01T18:00:00Z"),
                                "Picnic",
                                DateKind.RECREATED_MEMORY,
                                AT,
                                AT)),
                "events[1].event.plannedFor",
                "window");
        UUID talk = UUID.randomUUID();
        refused(
                List.of(
                        opened(j),
                        new ConversationLogged(
                                j,
                                talk,
                                "Money",
                                Initiator.ME,
                                30,
                                4,
                                4,
                                ConversationOutcome.RESOLVED,
                                ConversationChannel.PHONE_CALL,
                                null,
                                AT,
                                AT),
                        new EntryAmended(
                                j, talk, java.util.Map.of("occurredAt", "-300000-01-01T00:00:00Z"), null, AT, AT)),
                "events[2].event.changes.occurredAt",
                "window");
        refused(
                List.of(
                        opened(j),
                        new ConversationLogged(
                                j,
                                talk,
                                "Money",
                                Initiator.ME,
                                30,
                                4,
                                4,
                                ConversationOutcome.RESOLVED,
                                ConversationChannel.PHONE_CALL,
                                null,
                                AT,
                                AT),
                        new ConversationLogged(
                                j,
                                talk,
                                "Again",
                                Initiator.ME,
                                30,
                                4,
                                4,
                                ConversationOutcome.RESOLVED,
                                ConversationChannel.PHONE_CALL,
                                null,
                                AT,
                                AT)),
                "events[2].event.entryId",
                "entry-already-exists");
        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void malformed_envelopes_answer_400_naming_the_place() {
        UUID j = UUID.randomUUID();
        UUID talk = UUID.randomUUID();
        ObjectNode valid = ExportDocument.of(
                j,
                List.of(
                        opened(j),
                        new ConversationLogged(
                                j,
                                talk,
                                "Money",
                                Initiator.ME,
                                30,
                                4,
                                4,
                                ConversationOutcome.RESOLVED,
                                ConversationChannel.PHONE_CALL,
                                null,
                                AT,
                                AT),
                        new EntryAmended(j, talk, java.util.Map.of("minutes", 31), null, AT, AT)));
        List<Consumer<ObjectNode>> breaks = List.of(
                export -> envelope(export, 1).put("version", 4294967297L),
                export -> envelope(export, 1).put("sequence", new BigInteger("99999999999999999999999")),
                export -> envelope(export, 1).put("type", 5),
                export -> envelope(export, 1).putNull("event"),
                export -> event(export, 2).putNull("changes"),
                export -> event(export, 2).putArray("changes"),
                export -> event(export, 1).put("minutes", 1e30),
                export -> event(export, 1).put("outcome", "WON"),
                export -> event(export, 1).putNull("entryId"));

        for (int i = 0; i < breaks.size(); i++) {
            ObjectNode export = valid.deepCopy();
            breaks.get(i).accept(export);
            Api.Response answer = api.post("/journals/import", alice, export.toString());
            assertThat(answer.status()).as("break " + i + ": " + answer).isEqualTo(400);
            assertThat(answer.body().get("errors").get(0).get("field").asString())
                    .as("break " + i)
                    .startsWith("events[");
        }
        assertThat(storedEvents()).isEqualTo(before);
    }

    private static ObjectNode envelope(ObjectNode export, int i) {
        return (ObjectNode) export.get("events").get(i);
    }

    private static ObjectNode event(ObjectNode export, int i) {
        return (ObjectNode) envelope(export, i).get("event");
    }

    @Test
    void far_instants_and_null_amendments_answer_400_naming_the_field_over_http() {
        String journal = api.openJournal(alice);
        String checkIn = api.post("/journals/" + journal + "/check-ins", alice, "{\"mood\":4,\"connection\":4}")
                .body()
                .get("entryId")
                .asString();
        List<String> stored = storedEvents();

        Api.Response farPast = api.post(
                "/journals/" + journal + "/check-ins",
                alice,
                "{\"mood\":4,\"connection\":4,\"occurredAt\":\"-300000-01-01T00:00:00Z\"}");
        Api.Response nullNote = api.post(
                "/journals/" + journal + "/entries/" + checkIn + "/amendment", alice, "{\"changes\":{\"note\":null}}");
        Api.Response movedFar = api.post(
                "/journals/" + journal + "/entries/" + checkIn + "/amendment",
                alice,
                "{\"changes\":{\"occurredAt\":\"-4999-01-01T00:00:00Z\"}}");
        Api.Response objectMood = api.post(
                "/journals/" + journal + "/entries/" + checkIn + "/amendment",
                alice,
                "{\"changes\":{\"mood\":{\"value\":4}}}");

        assertProblem(farPast, "occurredAt", "window");
        assertThat(farPast.body().get("errors").get(0).get("message").asString())
                .contains("1900-01-01T00:00:00Z");
        assertProblem(nullNote, "changes.note", "not-null");
        assertProblem(movedFar, "changes.occurredAt", "window");
        assertProblem(objectMood, "changes.mood", "type");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    private static JournalOpened opened(UUID journal) {
        return new JournalOpened(journal, "alice-imports", "Sam", "Back", "UTC", AT, AT);
    }

    private static List<JournalEvent> aliceWrote(UUID journal, UUID entry) {
        return List.of(opened(journal), new CheckedIn(journal, entry, 4, 3, "Hopeful", AT, AT));
    }

    private Api.Response importAs(String token, ObjectNode export) {
        return api.post("/journals/import", token, export.toString());
    }

    private void refused(List<JournalEvent> events, String field, String rule) {
        assertProblem(importAs(alice, ExportDocument.of(events.getFirst().journalId(), events)), field, rule);
    }

    private static void assertProblem(Api.Response response, String field, String rule) {
        assertThat(response.status()).as(field).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("errors").get(0).get("field").asString())
                .as(field)
                .isEqualTo(field);
        assertThat(response.body().get("errors").get(0).get("rule").asString())
                .as(field)
                .isEqualTo(rule);
    }

    private static List<String> fieldNames(Api.Response response) {
        List<String> names = new ArrayList<>(response.body().propertyNames());
        names.sort(String::compareTo);
        return names;
    }

    /** The new journal's events are published like any other journal's: its views fill. */
    private void reachesTheViews(Api.Response imported) {
        String journal = imported.body().get("journalId").asString();
        long events = imported.body().get("version").asLong() + 1;
        try (TopicReader topic = new TopicReader(environment.topic)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.journal(journal), list -> list.size() >= events);
        }
    }

    /** Every stored event as journal, sequence and event id. */
    private List<String> storedEvents() {
        return jdbc.sql("SELECT aggregate_identifier || ' ' || sequence_number || ' ' || event_identifier"
                        + " FROM domain_event_entry ORDER BY aggregate_identifier, sequence_number")
                .query(String.class)
                .list();
    }

    private List<String> bobsEventIds() {
        return eventIds(bobsJournal);
    }

    private List<String> eventIds(String journal) {
        return jdbc.sql("SELECT event_identifier FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number")
                .param(journal)
                .query(String.class)
                .list();
    }
}
