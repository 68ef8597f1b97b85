package app.rekindle.events.rules;

import static app.rekindle.events.rules.ValueWindows.LONG_TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.ClosureOutcome;
import app.rekindle.events.CloudEventsKafka;
import app.rekindle.events.ConversationChannel;
import app.rekindle.events.ConversationOutcome;
import app.rekindle.events.DateKind;
import app.rekindle.events.EventTypes;
import app.rekindle.events.GestureKind;
import app.rekindle.events.Initiator;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.JournalEventJson;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import app.rekindle.events.Whose;
import app.rekindle.events.privacy.DataKey;
import app.rekindle.events.privacy.FreeTextCipher;
import app.rekindle.events.privacy.SealedEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class EventSizeTest {

    private static final UUID JOURNAL = UUID.randomUUID();
    private static final UUID ENTRY = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-12-04T23:59:59.999999999Z");
    /** € is three bytes in UTF-8, the most one counted character can take. */
    private static final String LONG = "€".repeat(LONG_TEXT);
    /** Every text at the long limit, whatever its own limit: the bound holds for more than the rules allow. */
    private static final String SHORT = LONG;

    private static final String SUBJECT = "€".repeat(255);
    private static final String TRACEPARENT = "00-" + "f".repeat(32) + "-" + "f".repeat(16) + "-01";

    /** The largest event of every type the contract has. */
    private static List<JournalEvent> largest() {
        return List.of(
                new JournalOpened(JOURNAL, SUBJECT, SHORT, LONG, "America/Argentina/ComodRivadavia", AT, AT),
                new ReflectionLogged(JOURNAL, ENTRY, LocalDate.of(2026, 12, 5), LONG, LONG, LONG, LONG, AT, AT),
                new ConversationLogged(
                        JOURNAL,
                        ENTRY,
                        SHORT,
                        Initiator.PARTNER,
                        1440,
                        5,
                        5,
                        ConversationOutcome.PARTLY_RESOLVED,
                        ConversationChannel.NOT_RECORDED,
                        LONG,
                        AT,
                        AT),
                new GestureLogged(JOURNAL, ENTRY, GestureKind.ASKED_ABOUT_DAY, LONG, AT, AT),
                new DatePlanned(JOURNAL, ENTRY, AT, SHORT, DateKind.RECREATED_MEMORY, AT, AT),
                new DateHappened(JOURNAL, ENTRY, 5, LONG, AT, AT),
                new DateCancelled(JOURNAL, ENTRY, LONG, AT, AT),
                new ActivityShared(JOURNAL, ENTRY, SHORT, true, LONG, AT, AT),
                new PersonalTimeTaken(JOURNAL, ENTRY, Whose.PARTNERS, SHORT, 1440, AT, AT),
                new CheckedIn(JOURNAL, ENTRY, 5, 5, LONG, AT, AT),
                new StepStarted(JOURNAL, Step.GIVE_EACH_OTHER_SPACE, AT, AT),
                new StepCompleted(JOURNAL, Step.GIVE_EACH_OTHER_SPACE, LONG, AT, AT),
                new StepReopened(JOURNAL, Step.GIVE_EACH_OTHER_SPACE, LONG, AT, AT),
                // The most an amendment can change: every field of a reflection.
                new EntryAmended(
                        JOURNAL,
                        ENTRY,
                        Map.of(
                                "occurredOn",
                                "2026-12-05",
                                "text",
                                LONG,
                                "myPart",
                                LONG,
                                "theirPart",
                                LONG,
                                "lesson",
                                LONG),
                        LONG,
                        AT,
                        AT),
                new EntryRetracted(JOURNAL, ENTRY, LONG, AT, AT),
                new JournalClosed(JOURNAL, ClosureOutcome.RECONCILED, LONG, AT, AT),
                new JournalErased(JOURNAL, AT, AT));
    }

    @Test
    void the_largest_event_of_every_type_is_a_record_within_the_bound_sealed_or_plain() {
        DataKey key = DataKey.generate();
        for (JournalEvent event : largest()) {
            assertThat(EventSize.of(record(event, SealedEvents.seal(event, journal -> key))))
                    .as("sealed %s", event.getClass().getSimpleName())
                    .isLessThanOrEqualTo(EventSize.MAX_BYTES);
            assertThat(EventSize.of(record(event, JournalEventJson.toBytes(event))))
                    .as("plain %s", event.getClass().getSimpleName())
                    .isLessThanOrEqualTo(EventSize.MAX_BYTES);
        }
    }

    @Test
    void every_event_type_of_the_contract_is_among_the_largest_events_checked() {
        assertThat(largest())
                .extracting(event -> EventTypes.of(event).name())
                .containsExactlyInAnyOrderElementsOf(EventTypes.byName().keySet());
    }

    @Test
    void the_bound_is_tight_enough_that_the_largest_amendment_fills_most_of_it() {
        DataKey key = DataKey.generate();
        JournalEvent amendment = largest().stream()
                .filter(EntryAmended.class::isInstance)
                .findFirst()
                .orElseThrow();
        int size = EventSize.of(record(amendment, SealedEvents.seal(amendment, journal -> key)));
        assertThat(size).isGreaterThan(EventSize.MAX_BYTES * 9 / 10);
    }

    @Test
    void the_sealed_length_of_a_text_is_what_sealing_makes_of_it() {
        DataKey key = DataKey.generate();
        for (int characters : new int[] {0, 1, 2, 3, 199, 200, LONG_TEXT}) {
            String text = "€".repeat(characters);
            assertThat(FreeTextCipher.seal(text, key, "place"))
                    .hasSize(FreeTextCipher.sealedLength(text.getBytes(StandardCharsets.UTF_8).length));
        }
    }

    @Test
    void a_record_beyond_the_bound_measures_beyond_it_and_producer_and_topic_leave_a_margin() {
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>("t", JOURNAL.toString(), new byte[EventSize.MAX_BYTES]);
        assertThat(EventSize.of(record)).isGreaterThan(EventSize.MAX_BYTES);
        assertThat(EventSize.KAFKA_LIMIT_BYTES).isGreaterThanOrEqualTo(EventSize.MAX_BYTES * 3 / 2);
    }

    private static ProducerRecord<String, byte[]> record(JournalEvent event, byte[] payload) {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(
                "rekindle.journal-events",
                PublishedEvent.of(UUID.randomUUID().toString(), Long.MAX_VALUE, event),
                payload);
        record.headers().add("ce_traceparent", TRACEPARENT.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
