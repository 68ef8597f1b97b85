package app.rekindle.command.publishing;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lets a publisher batch's transaction commit without waiting for PostgreSQL to flush its write-ahead log: what it
 * writes (the token, a parking) is a cursor over events that are already durable, and the flush cost as much as the
 * rest of the batch at one event per batch, competing with the commands' own flushes. A crash of PostgreSQL may then
 * lose the last batches' commits, never part of one and never a later one without it, so the publisher starts again
 * from an older token and sends those events again: at least once, as after a broker failure. The query side
 * ignores an event whose sequence its journal has passed (query-service {@code projection/JournalBatch}, outcome
 * DUPLICATE; the fault suite's {@code RedeliveryTest} and its ledger's re-send count check it). A lost parking
 * is redone: the event is sent again and refused again.
 *
 * <p>{@code SET LOCAL} ends with the transaction, so a pooled connection never carries it into a command's commit,
 * which stays durable before its 201.
 */
@Component
class BatchCommits {

    private final JdbcClient jdbc;

    BatchCommits(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** In the caller's transaction: its commit will not wait for the flush. */
    void withoutWaitingForTheFlush() {
        jdbc.sql("set local synchronous_commit = off").update();
    }
}
