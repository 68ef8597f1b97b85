package app.rekindle.command.publishing;

import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PendingSendsTest {

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
    private final PendingSends sends = new PendingSends(producer, Duration.ofSeconds(5));

    @Test
    void a_batch_is_done_once_the_broker_acknowledged_every_send() {
        sends.add(producer.send(record("0")));
        sends.add(producer.send(record("1")));

        sends.awaitAll();

        assertThat(producer.history()).extracting(ProducerRecord::value).hasSize(2);
        assertThat(producer.completeNext()).isFalse();
    }

    @Test
    void one_unacknowledged_send_fails_the_whole_batch_so_its_token_stays() {
        sends.add(producer.send(record("0")));
        sends.add(producer.send(record("1")));
        producer.errorNext(new NotEnoughReplicasException("broker lost its replicas"));

        assertThatThrownBy(sends::awaitAll)
                .isInstanceOf(PendingSends.PublishingFailed.class)
                .hasCauseInstanceOf(NotEnoughReplicasException.class);
    }

    private static ProducerRecord<String, byte[]> record(String value) {
        return new ProducerRecord<>("topic", "journal", value.getBytes());
    }
}
