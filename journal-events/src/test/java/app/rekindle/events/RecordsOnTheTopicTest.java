package app.rekindle.events;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent.ConversationLogged;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

/**
 * The topic keeps every event ever published: records written by the hand-written envelope before the CloudEvents
 * SDK must read as they did, and records written now must carry the same headers, byte for byte, in the same order.
 */
class RecordsOnTheTopicTest {

    private static final Path FIXTURE = Path.of("src/test/resources/records/conversation-logged.before-sdk.tsv");

    /** The event in the fixture: the sample conversation, recorded at a time whose fraction ends in a zero. */
    private static final PublishedEvent PUBLISHED = PublishedEvent.of(
            "evt-9",
            3,
            new ConversationLogged(
                    SampleEvents.JOURNAL,
                    SampleEvents.ENTRY,
                    "Holidays",
                    Initiator.ME,
                    45,
                    4,
                    5,
                    ConversationOutcome.PARTLY_RESOLVED,
                    ConversationChannel.VIDEO_CALL,
                    "Calm",
                    SampleEvents.AT,
                    Instant.parse("2026-03-14T19:00:00.120Z")));

    @Test
    void a_record_published_before_the_sdk_reads_as_the_event_it_carried() throws IOException {
        Fixture before = Fixture.read();
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(
                "journal-events",
                0,
                41L,
                0L,
                TimestampType.CREATE_TIME,
                0,
                0,
                before.key,
                before.value,
                new RecordHeaders(
                        before.headers.stream().map(Header.class::cast).toList()),
                Optional.empty());

        assertThat(CloudEventsKafka.fromRecord(consumed)).isEqualTo(PUBLISHED);
    }

    @Test
    void a_record_written_now_has_the_same_key_value_and_header_bytes_in_the_same_order() throws IOException {
        Fixture before = Fixture.read();
        ProducerRecord<String, byte[]> now = CloudEventsKafka.toRecord("journal-events", PUBLISHED);
        // The command service's publisher adds the trace context after the envelope (JournalRecords).
        now.headers().add("ce_traceparent", before.header("ce_traceparent"));

        assertThat(now.key()).isEqualTo(before.key);
        assertThat(now.value()).isEqualTo(before.value);
        List<Map.Entry<String, String>> written = new ArrayList<>();
        for (Header header : now.headers()) {
            written.add(Map.entry(header.key(), Base64.getEncoder().encodeToString(header.value())));
        }
        assertThat(written)
                .containsExactlyElementsOf(before.headers.stream()
                        .map(h -> Map.entry(h.key(), Base64.getEncoder().encodeToString(h.value())))
                        .toList());
        assertThat(new String(now.headers().lastHeader(CloudEventsKafka.TIME).value(), StandardCharsets.UTF_8))
                .isEqualTo("2026-03-14T19:00:00.120Z");
    }

    private record Fixture(String key, byte[] value, List<RecordHeader> headers) {

        static Fixture read() throws IOException {
            String key = null;
            byte[] value = null;
            List<RecordHeader> headers = new ArrayList<>();
            for (String line : Files.readAllLines(FIXTURE)) {
                if (line.startsWith("#")) {
                    continue;
                }
                String[] field = line.split("\t");
                byte[] bytes = Base64.getDecoder().decode(field[1]);
                switch (field[0]) {
                    case "key" -> key = new String(bytes, StandardCharsets.UTF_8);
                    case "value" -> value = bytes;
                    default -> headers.add(new RecordHeader(field[0].substring("header:".length()), bytes));
                }
            }
            return new Fixture(key, value, headers);
        }

        byte[] header(String name) {
            return headers.stream()
                    .filter(h -> h.key().equals(name))
                    .findFirst()
                    .orElseThrow()
                    .value();
        }
    }
}
