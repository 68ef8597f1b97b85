package app.rekindle.command.publishing;

import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The sends of one processor batch, awaited together so the token only moves once the broker has them all. */
final class PendingSends {

    private final Producer<String, byte[]> producer;
    private final Duration timeout;
    private final List<Future<RecordMetadata>> sends = new ArrayList<>();

    PendingSends(Producer<String, byte[]> producer, Duration timeout) {
        this.producer = producer;
        this.timeout = timeout;
    }

    void add(Future<RecordMetadata> send) {
        sends.add(send);
    }

    int size() {
        return sends.size();
    }

    /** @throws PublishingFailed when any send was not acknowledged: the batch must be retried */
    void awaitAll() {
        producer.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                throw new PublishingFailed(e.getCause());
            } catch (TimeoutException e) {
                throw new PublishingFailed(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishingFailed(e);
            }
        }
    }

    static final class PublishingFailed extends RuntimeException {
        PublishingFailed(Throwable cause) {
            super("Kafka did not acknowledge a journal event; the batch will be retried", cause);
        }
    }
}
