package app.rekindle.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rekindle.events.privacy.DataKey;
import app.rekindle.events.privacy.SealedEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The publisher's envelope, read from stored bytes alone, must be the one the event itself gives. */
class EventEnvelopeTest {

    private final DataKey key = DataKey.generate();

    @Test
    void every_stored_event_gives_the_envelope_and_the_record_of_the_event_itself() {
        for (JournalEvent event : SampleEvents.all()) {
            byte[] stored = SealedEvents.seal(event, journal -> key);
            PublishedEvent published = PublishedEvent.of(UUID.randomUUID().toString(), 7, event);

            EventEnvelope envelope =
                    EventEnvelope.ofStored(published.eventId(), event.journalId(), 7, EventTypes.of(event), stored);

            assertThat(envelope).isEqualTo(published.envelope());
            ProducerRecord<String, byte[]> fromEnvelope = CloudEventsKafka.toRecord("journal", envelope, stored);
            ProducerRecord<String, byte[]> fromEvent = CloudEventsKafka.toRecord("journal", published, stored);
            assertThat(fromEnvelope.key()).isEqualTo(fromEvent.key());
            assertThat(fromEnvelope.value()).isEqualTo(fromEvent.value());
            assertThat(headers(fromEnvelope)).isEqualTo(headers(fromEvent));
        }
    }

    private static List<String> headers(ProducerRecord<String, byte[]> record) {
        return Arrays.stream(record.headers().toArray())
                .map(header -> header.key() + "=" + new String(header.value(), StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void only_the_top_level_recorded_at_counts() {
        String json = """
                {"changes": {"recordedAt": "2001-01-01T00:00:00Z", "list": [{"recordedAt": "2002-01-01T00:00:00Z"}]},
                 "note": "recordedAt", "recordedAt": "2026-03-14T19:00:00.123Z", "after": [1, 2]}""";

        assertThat(EventEnvelope.recordedAt(json.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(Instant.parse("2026-03-14T19:00:00.123Z"));
    }

    @Test
    void stored_bytes_without_a_recorded_at_are_refused() {
        for (String json : new String[] {"[]", "{}", "{\"recordedAt\": 5}", "{\"other\": {\"recordedAt\": \"x\"}}"}) {
            assertThatThrownBy(() -> EventEnvelope.recordedAt(json.getBytes(StandardCharsets.UTF_8)))
                    .as(json)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void an_erasure_is_known_by_its_type() {
        for (JournalEvent event : SampleEvents.all()) {
            assertThat(PublishedEvent.of("id", 1, event).envelope().isErasure())
                    .isEqualTo(event instanceof JournalEvent.JournalErased);
        }
    }
}
