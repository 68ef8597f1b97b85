package app.rekindle.command.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rekindle.events.EventEnvelope;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.PublishedEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class PendingSendsTest {

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final PendingSends sends = new PendingSends(producer, Duration.ofSeconds(5));

    @Test
    void a_batch_is_done_once_the_broker_acknowledged_every_send() {
        send(0);
        send(1);

        assertThat(sends.awaitAll()).isEmpty();

        assertThat(producer.history()).extracting(ProducerRecord::value).hasSize(2);
        assertThat(producer.completeNext()).isFalse();
    }

    @Test
    void one_unacknowledged_send_fails_the_whole_batch_so_its_token_stays() {
        send(0);
        send(1);
        producer.errorNext(new NotEnoughReplicasException("broker lost its replicas"));

        assertThatThrownBy(sends::awaitAll)
                .isInstanceOf(PendingSends.PublishingFailed.class)
                .hasCauseInstanceOf(NotEnoughReplicasException.class);
    }

    @Test
    void a_record_kafka_refuses_for_good_is_reported_not_retried() {
        EventEnvelope first = send(0);
        send(1);
        producer.errorNext(new RecordTooLargeException("too large"));
        producer.completeNext();

        assertThat(sends.awaitAll()).singleElement().satisfies(refused -> {
            assertThat(refused.event()).isSameAs(first);
            assertThat(refused.cause()).isInstanceOf(RecordTooLargeException.class);
        });
    }

    @Test
    void a_refusal_that_would_hit_every_journal_is_retried_like_an_outage() {
        send(0);
        producer.errorNext(new TopicAuthorizationException(Set.of("topic")));

        assertThatThrownBy(sends::awaitAll).isInstanceOf(PendingSends.PublishingFailed.class);
    }

    private EventEnvelope send(long sequence) {
        EventEnvelope event = PublishedEvent.of(
                        UUID.randomUUID().toString(),
                        sequence,
                        new JournalEvent.StepStarted(
                                UUID.randomUUID(),
                                app.rekindle.events.Step.COMMUNICATE_OPENLY,
                                Instant.EPOCH,
                                Instant.EPOCH))
                .envelope();
        sends.add(event, producer.send(new ProducerRecord<>("topic", "journal", new byte[] {(byte) sequence})));
        return event;
    }
}
