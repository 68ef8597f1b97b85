package app.rekindle.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rekindle.events.JournalEvent.ConversationLogged;
import app.rekindle.events.JournalEvent.EntryAmended;
import app.rekindle.events.privacy.DataKey;
import app.rekindle.events.privacy.DataKeys;
import app.rekindle.events.privacy.SealedEvents;
import app.rekindle.events.privacy.TamperedFreeText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class SealedEventsTest {

    private final DataKey key = DataKey.generate();
    private final DataKeys holdingKey =
            (journal, keyId) -> keyId.equals(key.keyId()) ? Optional.of(key) : Optional.empty();

    @Test
    void every_event_round_trips_through_its_sealed_form() {
        for (JournalEvent event : SampleEvents.all()) {
            byte[] sealed = SealedEvents.seal(event, journal -> key);
            assertThat(SealedEvents.open(EventTypes.of(event).name(), sealed, holdingKey))
                    .isEqualTo(event);
        }
    }

    @Test
    void the_sealed_form_holds_no_free_text_but_names_its_key() {
        ConversationLogged event = new ConversationLogged(
                SampleEvents.JOURNAL,
                SampleEvents.ENTRY,
                "marker-topic-7",
                Initiator.ME,
                45,
                4,
                5,
                ConversationOutcome.RESOLVED,
                ConversationChannel.IN_PERSON,
                "marker-notes-7",
                SampleEvents.AT,
                SampleEvents.RECORDED);
        String json = new String(SealedEvents.seal(event, journal -> key), StandardCharsets.UTF_8);
        assertThat(json)
                .doesNotContain("marker")
                .contains("\"keyId\":\"" + key.keyId() + "\"")
                .contains("\"topic\":\"enc:v1:")
                .contains("\"feltHeard\":4")
                .contains("\"outcome\":\"RESOLVED\"");
    }

    @Test
    void free_text_inside_an_amendment_is_sealed_and_other_changes_stay_readable() {
        EntryAmended event = new EntryAmended(
                SampleEvents.JOURNAL,
                SampleEvents.ENTRY,
                Map.of("notes", "marker-amended", "initiatedBy", "PARTNER", "minutes", 30),
                "marker-reason",
                SampleEvents.AT,
                SampleEvents.RECORDED);
        String json = new String(SealedEvents.seal(event, journal -> key), StandardCharsets.UTF_8);
        assertThat(json)
                .doesNotContain("marker")
                .contains("\"initiatedBy\":\"PARTNER\"")
                .contains("\"minutes\":30");
        assertThat(SealedEvents.open("entry-amended", json.getBytes(StandardCharsets.UTF_8), holdingKey))
                .isEqualTo(event);
        EntryAmended erased =
                (EntryAmended) SealedEvents.open("entry-amended", json.getBytes(StandardCharsets.UTF_8), DataKeys.NONE);
        assertThat(erased.changes()).isEqualTo(Map.of("initiatedBy", "PARTNER", "minutes", 30));
        assertThat(erased.reason()).isNull();
    }

    @Test
    void an_event_without_free_text_needs_no_key_and_stays_plain() {
        JournalEvent started = SampleEvents.all().stream()
                .filter(e -> e instanceof JournalEvent.StepStarted)
                .findFirst()
                .orElseThrow();
        byte[] json = SealedEvents.seal(started, journal -> {
            throw new AssertionError("no key needed");
        });
        assertThat(json).isEqualTo(JournalEventJson.toBytes(started));
    }

    @Test
    void without_its_key_an_event_loads_with_its_free_text_null() {
        ConversationLogged event = (ConversationLogged) SampleEvents.all().get(2);
        ConversationLogged opened = (ConversationLogged)
                SealedEvents.open("conversation-logged", SealedEvents.seal(event, journal -> key), DataKeys.NONE);
        assertThat(opened.topic()).isNull();
        assertThat(opened.notes()).isNull();
        assertThat(opened.feltHeard()).isEqualTo(event.feltHeard());
        assertThat(opened.outcome()).isEqualTo(event.outcome());
    }

    @Test
    void a_changed_ciphertext_fails_authentication() {
        ObjectNode tree = sealedTree(SampleEvents.all().get(2));
        String topic = tree.get("topic").stringValue();
        char last = topic.charAt(topic.length() - 3);
        tree.put(
                "topic",
                topic.substring(0, topic.length() - 3)
                        + (last == 'A' ? 'B' : 'A')
                        + topic.substring(topic.length() - 2));
        assertThatThrownBy(() -> open("conversation-logged", tree)).isInstanceOf(TamperedFreeText.class);
    }

    @Test
    void a_ciphertext_moved_to_another_field_or_journal_fails_authentication() {
        ObjectNode tree = sealedTree(SampleEvents.all().get(2));
        tree.put("notes", tree.get("topic").stringValue());
        assertThatThrownBy(() -> open("conversation-logged", tree)).isInstanceOf(TamperedFreeText.class);

        ObjectNode moved = sealedTree(SampleEvents.all().get(2));
        moved.put("journalId", "00000000-0000-0000-0000-000000000001");
        assertThatThrownBy(() -> open("conversation-logged", moved)).isInstanceOf(TamperedFreeText.class);
    }

    @Test
    void another_key_cannot_open_it() {
        DataKey other = DataKey.of(key.keyId(), DataKey.generate().raw());
        byte[] sealed = SealedEvents.seal(SampleEvents.all().get(2), journal -> key);
        assertThatThrownBy(() -> SealedEvents.open("conversation-logged", sealed, (j, k) -> Optional.of(other)))
                .isInstanceOf(TamperedFreeText.class);
    }

    @Test
    void stored_plain_events_still_load() throws IOException {
        for (JournalEvent event : SampleEvents.all()) {
            EventType type = EventTypes.of(event);
            try (InputStream in = getClass()
                    .getResourceAsStream("/event-snapshots/" + type.name() + ".v" + type.version() + ".json")) {
                assertThat(SealedEvents.open(type.name(), in.readAllBytes(), DataKeys.NONE))
                        .isEqualTo(event);
            }
        }
    }

    @Test
    void a_plain_event_of_an_older_version_is_upcast_while_opened() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/event-snapshots/conversation-logged.v1.json")) {
            assertThat(SealedEvents.open("conversation-logged", 1, in.readAllBytes(), DataKeys.NONE))
                    .isEqualTo(SampleEvents.olderVersions().get("conversation-logged.v1.json"));
        }
    }

    @Test
    void a_sealed_event_of_an_older_version_is_opened_and_upcast() {
        ObjectNode tree = sealedTree(SampleEvents.all().get(2));
        tree.remove("channel");

        ConversationLogged opened = (ConversationLogged) SealedEvents.open(
                "conversation-logged", 1, JournalEventJson.mapper().writeValueAsBytes(tree), holdingKey);

        assertThat(opened.channel()).isEqualTo(ConversationChannel.NOT_RECORDED);
        assertThat(opened.topic()).isEqualTo("Holidays");
    }

    private ObjectNode sealedTree(JournalEvent event) {
        return (ObjectNode) JournalEventJson.mapper().readTree(SealedEvents.seal(event, journal -> key));
    }

    private JournalEvent open(String type, ObjectNode tree) {
        return SealedEvents.open(type, JournalEventJson.mapper().writeValueAsBytes(tree), holdingKey);
    }
}
