package app.rekindle.query.live;

import app.rekindle.query.history.EventLog;
import app.rekindle.query.history.LoggedEvent;
import app.rekindle.query.web.TooManyRequests;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Open streams by journal, fed from the event log by one polling thread. Each stream remembers the last
 * sequence it was sent, so a reconnect with {@code Last-Event-ID} and a normal poll are the same thing:
 * send what the log has after that sequence, in order, without loss or repeats.
 */
@Component
class LiveStreams implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    private static final int BATCH = 500;

    private final Map<UUID, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final EventLog eventLog;
    private final JdbcClient jdbc;
    private final LiveProperties properties;
    private final StreamQuota quota;
    private ScheduledExecutorService poller;

    /** One client connection; {@code lastSent} is only touched by the polling thread after registration. */
    static final class Stream {
        final SseEmitter emitter;
        volatile long lastSent;
        /** When something was last written (System.nanoTime), for the heartbeat. */
        volatile long lastWrite = System.nanoTime();
        /** Completion, timeout and error may all be reported; the stream is given back once. */
        final AtomicBoolean closed = new AtomicBoolean();
        /** Gives the stream's place back; set once at opening, safe to run more than once. */
        Runnable release = () -> {};

        Stream(SseEmitter emitter, long lastSent) {
            this.emitter = emitter;
            this.lastSent = lastSent;
        }
    }

    LiveStreams(EventLog eventLog, JdbcClient jdbc, LiveProperties properties) {
        this.eventLog = eventLog;
        this.jdbc = jdbc;
        this.properties = properties;
        this.quota = new StreamQuota(properties.maxStreamsPerPerson(), properties.maxStreams());
    }

    /** Opens a stream for the person, or answers 429 when they (or the instance) hold the most allowed. */
    SseEmitter open(UUID journalId, long after, String person) {
        StreamQuota.Refusal refusal = quota.take(person);
        if (refusal == StreamQuota.Refusal.PERSON) {
            throw new TooManyRequests(
                    "You have the most live streams open at once; close one first.",
                    "rekindle.live.max-streams-per-person",
                    properties.maxStreamsPerPerson(),
                    properties.retryAfter());
        }
        if (refusal == StreamQuota.Refusal.SERVICE) {
            throw new TooManyRequests(
                    "The service holds the most live streams it serves at once; try again later.",
                    "rekindle.live.max-streams",
                    properties.maxStreams(),
                    properties.retryAfter());
        }
        SseEmitter emitter = new SseEmitter(properties.timeout().toMillis());
        Stream stream = new Stream(emitter, after);
        Runnable remove = () -> {
            if (stream.closed.compareAndSet(false, true)) {
                streams.computeIfPresent(journalId, (id, set) -> {
                    set.remove(stream);
                    return set.isEmpty() ? null : set;
                });
                quota.release(person);
            }
        };
        stream.release = remove;
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        try {
            // Sent at once so the response starts (status and headers) before the first journal event.
            emitter.send(SseEmitter.event().comment("journal " + journalId + " after " + after));
        } catch (IOException e) {
            remove.run();
            emitter.completeWithError(e);
            return emitter;
        }
        streams.computeIfAbsent(journalId, id -> ConcurrentHashMap.newKeySet()).add(stream);
        if (stream.closed.get()) { // gone before it was registered: take it out again
            streams.computeIfPresent(journalId, (id, set) -> {
                set.remove(stream);
                return set.isEmpty() ? null : set;
            });
        }
        return emitter;
    }

    void poll() {
        streams.forEach((journalId, open) -> {
            try {
                if (erased(journalId)) {
                    open.forEach(stream -> stream.emitter.complete());
                    return;
                }
                long from = open.stream().mapToLong(s -> s.lastSent).min().orElse(Long.MAX_VALUE);
                // Saturating: a resumed stream may name any sequence, and from + BATCH must not wrap around.
                List<LoggedEvent> events = eventLog.between(
                        journalId, from, from > Long.MAX_VALUE - BATCH ? Long.MAX_VALUE : from + BATCH);
                open.forEach(stream -> {
                    send(stream, events);
                    heartbeat(stream);
                });
            } catch (RuntimeException e) {
                log.warn("Live poll failed for a journal ({})", e.getClass().getName());
            }
        });
    }

    private void send(Stream stream, List<LoggedEvent> events) {
        for (LoggedEvent event : events) {
            if (event.sequence() <= stream.lastSent) {
                continue;
            }
            try {
                stream.emitter.send(SseEmitter.event()
                        .id(Long.toString(event.sequence()))
                        .name(event.type())
                        .data(event, MediaType.APPLICATION_JSON));
                stream.lastSent = event.sequence();
                stream.lastWrite = System.nanoTime();
            } catch (IOException | IllegalStateException e) {
                // The client went away: its place is given back now, not only when the container reports it.
                stream.release.run();
                stream.emitter.completeWithError(e);
                return;
            }
        }
    }

    private void heartbeat(Stream stream) {
        if (System.nanoTime() - stream.lastWrite < properties.heartbeat().toNanos()) {
            return;
        }
        try {
            stream.emitter.send(SseEmitter.event().comment("heartbeat"));
            stream.lastWrite = System.nanoTime();
        } catch (IOException | IllegalStateException e) {
            stream.release.run();
            stream.emitter.completeWithError(e);
        }
    }

    /** An erased journal's log is gone; its streams end rather than wait forever. */
    private boolean erased(UUID journalId) {
        return jdbc.sql("select erased from journal_position where journal_id = :id")
                .param("id", journalId)
                .query(Boolean.class)
                .optional()
                .orElse(true);
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> new Thread(runnable, "rekindle-live"));
        long every = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        poller.shutdownNow();
        streams.values().forEach(open -> open.forEach(stream -> stream.emitter.complete()));
        streams.clear();
    }

    @Override
    public boolean isRunning() {
        return poller != null && !poller.isShutdown();
    }
}
