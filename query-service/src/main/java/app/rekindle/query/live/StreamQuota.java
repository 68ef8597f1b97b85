package app.rekindle.query.live;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How many live streams are open, per person and in all. Each stream holds a connection and a share of every
 * poll, so one person opening tabs by the thousand must not take the service from everyone else. Taking and
 * releasing are atomic per person (the map's compute), so racing requests cannot overshoot either cap.
 */
final class StreamQuota {

    /** Why a stream was refused; the answer says which cap was reached. */
    enum Refusal {
        PERSON,
        SERVICE
    }

    private final int perPerson;
    private final int total;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private int openInAll;

    StreamQuota(int perPerson, int total) {
        this.perPerson = perPerson;
        this.total = total;
    }

    /** Takes one stream for the person, or says which cap is reached (null when taken). */
    Refusal take(String person) {
        Refusal[] refusal = new Refusal[1];
        open.compute(person, (who, count) -> {
            int mine = count == null ? 0 : count;
            if (mine >= perPerson) {
                refusal[0] = Refusal.PERSON;
                return count;
            }
            if (!takeOneOfAll()) {
                refusal[0] = Refusal.SERVICE;
                return count;
            }
            return mine + 1;
        });
        return refusal[0];
    }

    /** Gives back a stream taken by {@link #take}; called exactly once per stream. */
    void release(String person) {
        open.computeIfPresent(person, (who, count) -> {
            releaseOneOfAll();
            return count <= 1 ? null : count - 1;
        });
    }

    int openFor(String person) {
        return open.getOrDefault(person, 0);
    }

    synchronized int openInAll() {
        return openInAll;
    }

    private synchronized boolean takeOneOfAll() {
        if (openInAll >= total) {
            return false;
        }
        openInAll++;
        return true;
    }

    private synchronized void releaseOneOfAll() {
        openInAll--;
    }
}
