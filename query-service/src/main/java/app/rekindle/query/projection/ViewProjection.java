package app.rekindle.query.projection;

import app.rekindle.events.PublishedEvent;
import java.util.UUID;

/**
 * One read model's reaction to journal events. The {@link Projector} calls every implementation inside
 * one transaction, only for the next event in the journal's sequence, so implementations need not guard
 * against duplicates or reordering themselves.
 */
public interface ViewProjection {

    void apply(PublishedEvent published);

    /** The journal was erased: forget every row of it. */
    void purge(UUID journalId);
}
