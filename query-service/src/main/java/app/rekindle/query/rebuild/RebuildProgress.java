package app.rekindle.query.rebuild;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Where a rebuild stands. {@code eventsTotal} is what the topic held when the rebuild started; events
 * published meanwhile are applied too, so {@code eventsDone} may end above it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RebuildProgress(
        State state,
        Instant startedAt,
        Instant finishedAt,
        long eventsDone,
        long eventsTotal,
        Double eventsPerSecond,
        Long secondsLeft,
        String failure) {

    enum State {
        IDLE,
        BUILDING,
        SWITCHING,
        DONE,
        FAILED
    }

    static RebuildProgress idle() {
        return new RebuildProgress(State.IDLE, null, null, 0, 0, null, null, null);
    }

    RebuildProgress at(State state, long done, long total, Instant now) {
        double seconds =
                Math.max(0.001, java.time.Duration.between(startedAt, now).toMillis() / 1000.0);
        double rate = done / seconds;
        Long left = rate > 0 ? (long) Math.ceil(Math.max(0, total - done) / rate) : null;
        return new RebuildProgress(
                state,
                startedAt,
                state == State.DONE || state == State.FAILED ? now : null,
                done,
                total,
                rate,
                left,
                failure);
    }
}
