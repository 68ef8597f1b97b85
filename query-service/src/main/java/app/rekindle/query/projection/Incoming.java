package app.rekindle.query.projection;

import app.rekindle.events.PublishedEvent;

/**
 * An event on its way into the views: fresh from Kafka ({@code heldId} null), or taken from the dead-letter
 * store where it was parked or waited ({@code heldId} its row).
 */
public record Incoming(PublishedEvent published, RecordCopy copy, Long heldId) {

    public static Incoming fresh(PublishedEvent published, RecordCopy copy) {
        return new Incoming(published, copy, null);
    }

    public static Incoming direct(PublishedEvent published) {
        return new Incoming(published, RecordCopy.of(published), null);
    }

    boolean held() {
        return heldId != null;
    }
}
