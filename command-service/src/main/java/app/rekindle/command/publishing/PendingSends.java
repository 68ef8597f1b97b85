package app.rekindle.command.publishing;

import app.rekindle.events.EventEnvelope;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;

/** The sends of one processor batch, awaited together so the token only moves once the broker has them all. */
final class PendingSends {

    /** A send and the event it carries. */
    record Pending(EventEnvelope event, Future<RecordMetadata> send) {}

    /** An event Kafka refused for good (see {@link Refusals}). */
    record Refused(EventEnvelope event, Throwable cause) {}

    private final Producer<String, byte[]> producer;
    private final Duration timeout;
    private final List<Pending> sends = new ArrayList<>();

    PendingSends(Producer<String, byte[]> producer, Duration timeout) {
        this.producer = producer;
        this.timeout = timeout;
    }

    Pending add(EventEnvelope event, Future<RecordMetadata> send) {
        Pending pending = new Pending(event, send);
        sends.add(pending);
        return pending;
    }

    /**
     * Waits for one send, ahead of the rest.
     *
     * @return the refusal if Kafka refused it for good, else null once acknowledged
     * @throws PublishingFailed when it failed in a way that sending again may cure
     */
    Throwable await(Pending pending) {
        producer.flush();
        try {
            pending.send().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return null;
        } catch (ExecutionException e) {
            if (!Refusals.refusesTheRecord(e.getCause())) {
                throw new PublishingFailed(e.getCause());
            }
            return e.getCause();
        } catch (TimeoutException e) {
            throw new PublishingFailed(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishingFailed(e);
        }
    }

    List<Pending> all() {
        return sends;
    }

    /**
     * Waits for every send.
     *
     * @return the sends Kafka refused for good, in the order they were sent
     * @throws PublishingFailed when any send failed in a way that sending again may cure: the batch must be retried
     */
    List<Refused> awaitAll() {
        producer.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Refused> refused = new ArrayList<>();
        for (Pending pending : sends) {
            try {
                pending.send().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException e) {
                if (!Refusals.refusesTheRecord(e.getCause())) {
                    throw new PublishingFailed(e.getCause());
                }
                refused.add(new Refused(pending.event(), e.getCause()));
            } catch (TimeoutException e) {
                throw new PublishingFailed(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PublishingFailed(e);
            }
        }
        return refused;
    }

    /** A send the producer refused before anything went out (e.g. beyond max.request.size), or null. */
    static Throwable refusedAtOnce(Future<RecordMetadata> send) {
        if (!send.isDone()) {
            return null;
        }
        try {
            send.get();
            return null;
        } catch (ExecutionException e) {
            return Refusals.refusesTheRecord(e.getCause()) ? e.getCause() : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    static final class PublishingFailed extends RuntimeException {
        PublishingFailed(Throwable cause) {
            super("Kafka did not acknowledge a journal event; the batch will be retried", cause);
        }
    }
}
