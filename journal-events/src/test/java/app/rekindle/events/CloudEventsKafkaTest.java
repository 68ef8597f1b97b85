package app.rekindle.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CloudEventsKafkaTest {

    static List<JournalEvent> events() {
        return SampleEvents.all();
    }

    @ParameterizedTest
    @MethodSource("events")
    void every_event_survives_the_trip_through_a_kafka_record(JournalEvent event) {
        PublishedEvent published = PublishedEvent.of("evt-1", 7, event);

        PublishedEvent read = CloudEventsKafka.fromRecord(asConsumed(CloudEventsKafka.toRecord("topic", published)));

        assertThat(read).isEqualTo(published);
    }

    @Test
    void the_record_is_keyed_by_journal_and_describes_itself_in_cloud_events_headers() {
        JournalEvent event = SampleEvents.all().get(2);
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("t", PublishedEvent.of("evt-9", 3, event));

        assertThat(record.key()).isEqualTo(SampleEvents.JOURNAL.toString());
        assertThat(header(record, CloudEventsKafka.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(header(record, CloudEventsKafka.TYPE)).isEqualTo("app.rekindle.journal.conversation-logged");
        assertThat(header(record, CloudEventsKafka.ID)).isEqualTo("evt-9");
        assertThat(header(record, CloudEventsKafka.SEQUENCE)).isEqualTo("3");
        assertThat(header(record, CloudEventsKafka.SCHEMA_VERSION)).isEqualTo("2");
        assertThat(header(record, CloudEventsKafka.TIME)).isEqualTo("2026-03-14T19:00:00.123Z");
        assertThat(header(record, CloudEventsKafka.SUBJECT)).isEqualTo(SampleEvents.JOURNAL.toString());
        assertThat(new String(record.value(), StandardCharsets.UTF_8))
                .contains("\"occurredAt\":\"2026-03-14T18:30:00Z\"");
    }

    @Test
    void a_record_published_at_an_older_version_is_upcast_to_the_current_one() throws IOException {
        JournalEvent current = SampleEvents.all().get(2);
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord("t", PublishedEvent.of("evt-2", 4, current));
        byte[] v1 = Files.readAllBytes(Path.of("src/test/resources/event-snapshots/conversation-logged.v1.json"));
        ProducerRecord<String, byte[]> old = new ProducerRecord<>("t", null, record.key(), v1, record.headers());
        old.headers().remove(CloudEventsKafka.SCHEMA_VERSION);
        old.headers().add(CloudEventsKafka.SCHEMA_VERSION, "1".getBytes(StandardCharsets.UTF_8));

        PublishedEvent read = CloudEventsKafka.fromRecord(asConsumed(old));

        assertThat(read.event()).isEqualTo(SampleEvents.olderVersions().get("conversation-logged.v1.json"));
        assertThat(read.type()).isEqualTo(new EventType("conversation-logged", 2));
    }

    @Test
    void a_record_without_a_sequence_header_is_malformed() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(
                "t", PublishedEvent.of("evt-1", 0, SampleEvents.all().getFirst()));
        record.headers().remove(CloudEventsKafka.SEQUENCE);

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(asConsumed(record)))
                .isInstanceOf(MalformedRecordException.class)
                .hasMessageContaining("ce_sequence");
    }

    @Test
    void a_record_of_an_unknown_type_is_reported_as_such() {
        ProducerRecord<String, byte[]> record = CloudEventsKafka.toRecord(
                "t", PublishedEvent.of("evt-1", 0, SampleEvents.all().getFirst()));
        record.headers().remove(CloudEventsKafka.TYPE);
        record.headers()
                .add(CloudEventsKafka.TYPE, "app.rekindle.journal.moon-landed".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(asConsumed(record)))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("moon-landed");
    }

    @Test
    void a_record_with_broken_json_is_malformed() {
        ProducerRecord<String, byte[]> good = CloudEventsKafka.toRecord(
                "t", PublishedEvent.of("evt-1", 0, SampleEvents.all().getFirst()));
        ProducerRecord<String, byte[]> broken = new ProducerRecord<>(
                "t", null, good.key(), "{not json".getBytes(StandardCharsets.UTF_8), good.headers());

        assertThatThrownBy(() -> CloudEventsKafka.fromRecord(asConsumed(broken)))
                .isInstanceOf(MalformedRecordException.class);
    }

    private static ConsumerRecord<String, byte[]> asConsumed(ProducerRecord<String, byte[]> record) {
        return new ConsumerRecord<>(
                record.topic(),
                0,
                0L,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                record.key(),
                record.value(),
                new RecordHeaders(record.headers().toArray()),
                Optional.empty());
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }
}
