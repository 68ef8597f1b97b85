package app.rekindle.command.publishing;

import app.rekindle.command.config.RekindleKafkaProperties;
import app.rekindle.command.parking.ParkedEvents;
import app.rekindle.events.EventEnvelope;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.rules.EventSize;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Puts every journal event on Kafka, from a tracking processor over the event store. Sends of one batch run
 * concurrently; before the batch's token may be stored (prepare-commit of its unit of work) they are all awaited.
 * A send that failed in a way sending again may cure (the broker is away) fails the batch, the token stays, and the
 * batch is sent again: at least once, in order per journal (one journal = one segment = one partition key).
 *
 * <p>An event Kafka refuses for good (too large, invalid) is parked instead, in the same transaction as the token,
 * and so is every later event of its journal, in order, until an operator retries or skips it
 * (parking.ParkedJournalAdmin); the token moves on and other journals keep flowing. Only an erasure goes past them.
 * Never replayed: a reset must not republish history.
 */
@Component
@ProcessingGroup(KafkaPublisher.PROCESSING_GROUP)
@DisallowReplay
class KafkaPublisher {

    static final String PROCESSING_GROUP = "kafka-publisher";
    /**
     * Records above the producer's default batch size travel in a batch of their own; only such a record can be
     * refused by a broker whose topic limit is not absurdly small. A journal's next event waits for its ack, so a
     * refusal never lets a later event of the journal onto the topic before it. Ordinary events (a few hundred
     * bytes) never wait: sends stay concurrent.
     */
    static final int LARGE_RECORD_BYTES = 16 * 1024;

    private static final Logger log = LoggerFactory.getLogger(KafkaPublisher.class);

    private final Producer<String, byte[]> producer;
    private final JournalRecords records;
    private final RekindleKafkaProperties kafka;
    private final ParkedEvents parked;
    private final BatchCommits commits;
    private final Clock clock;
    private final Counter published;

    KafkaPublisher(
            Producer<String, byte[]> producer,
            JournalRecords records,
            RekindleKafkaProperties kafka,
            ParkedEvents parked,
            BatchCommits commits,
            Clock clock,
            MeterRegistry registry) {
        this.producer = producer;
        this.records = records;
        this.kafka = kafka;
        this.parked = parked;
        this.commits = commits;
        this.clock = clock;
        this.published = Counter.builder("rekindle.events.published")
                .description("Journal events acknowledged by Kafka and passed by the publisher's token")
                .register(registry);
    }

    /**
     * Takes the message, not the event: the record carries the stored bytes, so the event is never read (resolving
     * it would also open its sealed free text, which is not sent).
     */
    @EventHandler(payloadType = JournalEvent.class)
    void on(DomainEventMessage<?> message, @SequenceNumber Long sequence) {
        EventEnvelope published = records.unopened(message, sequence);
        Batch batch = batch();
        // An erasure is never held back: the query side purges the journal on it whatever waits, and the parked
        // events before it are sealed under the key it destroyed.
        boolean erasure = published.isErasure();
        if (!erasure && batch.holdsBack(published.journalId())) {
            park(batch, published, null);
            return;
        }
        PendingSends.Pending large = batch.largeInFlight.remove(published.journalId());
        if (large != null && batch.sends.await(large) != null && !erasure) {
            // Refused: parked with its reason when the batch settles; this one waits behind it, unsent.
            park(batch, published, null);
            return;
        }
        ProducerRecord<String, byte[]> record = records.of(published, message);
        Future<RecordMetadata> send = producer.send(record);
        // The producer refuses a record beyond its limits before sending anything: the journal's later events
        // of this batch are then parked unsent, so its order on the topic stays whole.
        Throwable refused = PendingSends.refusedAtOnce(send);
        if (refused != null) {
            park(batch, published, refused);
            return;
        }
        PendingSends.Pending pending = batch.sends.add(published, send);
        if (EventSize.of(record) > LARGE_RECORD_BYTES) {
            batch.largeInFlight.put(published.journalId(), pending);
        }
    }

    private void park(Batch batch, EventEnvelope event, Throwable refusal) {
        if (refusal != null) {
            log.error(
                    "Kafka refused event {} of journal {} (sequence {}, {}): {}; it and the journal's later events "
                            + "are parked",
                    event.eventId(),
                    event.journalId(),
                    event.sequence(),
                    event.type().name(),
                    refusal.getClass().getName());
        }
        parked.park(event, refusal == null ? null : refusal.getClass().getSimpleName(), clock.instant());
        batch.holding.add(event.journalId());
    }

    /** Awaits the batch's sends; what Kafka refused is parked with everything of its journal sent after it. */
    private void settle(Batch batch) {
        Map<EventEnvelope, Throwable> refusals = new IdentityHashMap<>();
        Map<UUID, Long> firstRefused = new HashMap<>();
        for (PendingSends.Refused refused : batch.sends.awaitAll()) {
            refusals.put(refused.event(), refused.cause());
            firstRefused.merge(refused.event().journalId(), refused.event().sequence(), Math::min);
        }
        for (PendingSends.Pending pending : batch.sends.all()) {
            EventEnvelope event = pending.event();
            Long first = firstRefused.get(event.journalId());
            if (first == null || event.sequence() < first || event.isErasure()) {
                batch.acknowledged++;
                continue;
            }
            Throwable refusal = refusals.get(event);
            if (refusal == null) {
                // The broker took it although an earlier event of its journal was refused: the query side holds it
                // as a gap until a retry sends both again, in order.
                log.warn(
                        "Event {} of journal {} reached Kafka after its journal's sequence {} was refused; it is "
                                + "parked too and sent again in order on retry",
                        event.sequence(),
                        event.journalId(),
                        first);
            }
            park(batch, event, refusal);
        }
    }

    private Batch batch() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(Batch.class.getName(), key -> {
            // The batch's transaction began with its unit of work; its token and parkings are a cursor.
            commits.withoutWaitingForTheFlush();
            Batch batch = new Batch(new PendingSends(producer, kafka.sendTimeout()), parked);
            unitOfWork.onPrepareCommit(u -> settle(batch));
            // Counted once the token moved past them: a retried batch is counted when it finally succeeds.
            unitOfWork.afterCommit(u -> published.increment(batch.acknowledged));
            return batch;
        });
    }

    /** What one processor batch sent, and which journals it holds back; lives as long as its unit of work. */
    private static final class Batch {

        final PendingSends sends;
        final ParkedEvents parked;
        /** Journals whose events wait behind a parked one; later events of them are parked without a send. */
        final Set<UUID> holding = new HashSet<>();
        /** A journal's last send of a large record, not awaited yet. */
        final Map<UUID, PendingSends.Pending> largeInFlight = new HashMap<>();
        /** Journals with parked events when the batch began, read once per batch rather than once per event. */
        Set<UUID> parkedBefore;

        int acknowledged;

        Batch(PendingSends sends, ParkedEvents parked) {
            this.sends = sends;
            this.parked = parked;
        }

        boolean holdsBack(UUID journalId) {
            if (holding.contains(journalId)) {
                return true;
            }
            if (parkedBefore == null) {
                parkedBefore = parked.journals();
            }
            if (!parkedBefore.contains(journalId)) {
                return false;
            }
            // An operator may have published or skipped them since: ask again, under the rows' lock.
            if (parked.holdsBack(journalId)) {
                holding.add(journalId);
                return true;
            }
            parkedBefore.remove(journalId);
            return false;
        }
    }
}
