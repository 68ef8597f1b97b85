package app.rekindle.command.parking;

import app.rekindle.events.EventEnvelope;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The publisher's parked events ({@code parked_event}): the only reader and writer of that table. Every method joins
 * the caller's transaction, so a parking commits with the publisher's token and an operator's change with its sends.
 */
@Repository
public class ParkedEvents {

    /** A parked event, as an operator's retry or skip needs it. */
    record Parked(UUID journalId, long sequence, String eventId, String type, String reason) {}

    private final JdbcClient jdbc;

    ParkedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param reason the refusal (an exception class), or null for an event only waiting behind an earlier one */
    public void park(EventEnvelope event, String reason, Instant now) {
        jdbc.sql("""
                        insert into parked_event (journal_id, sequence, event_id, type, status, reason, parked_at)
                        values (:journal, :sequence, :eventId, :type, 'PARKED', :reason, :at)
                        on conflict do nothing""")
                .param("journal", event.journalId())
                .param("sequence", event.sequence())
                .param("eventId", event.eventId())
                .param("type", event.type().name())
                .param("reason", reason)
                .param("at", Timestamp.from(now))
                .update();
    }

    /** The journals with an event parked now. */
    public Set<UUID> journals() {
        return new HashSet<>(jdbc.sql("select distinct journal_id from parked_event where status = 'PARKED'")
                .query(UUID.class)
                .list());
    }

    /**
     * Whether the journal still has a parked event. Waits for an operator's retry or skip of it that is under way
     * (they hold the rows), so a new event is parked behind only what is still parked once that commits.
     */
    public boolean holdsBack(UUID journalId) {
        return !jdbc.sql("""
                        select sequence from parked_event where journal_id = :journal and status = 'PARKED'
                        for share""")
                .param("journal", journalId)
                .query(Long.class)
                .list()
                .isEmpty();
    }

    /** The journal's parked events in order, locked against the publisher and other operators until commit. */
    List<Parked> lockParked(UUID journalId) {
        return jdbc.sql("""
                        select journal_id, sequence, event_id, type, reason from parked_event
                        where journal_id = :journal and status = 'PARKED' order by sequence for update""")
                .param("journal", journalId)
                .query((rs, n) -> new Parked(
                        rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    void published(Parked parked, String operator, Instant now) {
        resolve(parked, "PUBLISHED", operator, null, now);
    }

    void skipped(Parked parked, String operator, String reason, Instant now) {
        resolve(parked, "SKIPPED", operator, reason, now);
    }

    /** Kafka refused it again: the reason may have changed (e.g. too large, then invalid). */
    void refusedAgain(Parked parked, String reason) {
        jdbc.sql("update parked_event set reason = :reason where journal_id = :journal and sequence = :sequence")
                .param("reason", reason)
                .param("journal", parked.journalId())
                .param("sequence", parked.sequence())
                .update();
    }

    long countParked() {
        return jdbc.sql("select count(*) from parked_event where status = 'PARKED'")
                .query(Long.class)
                .single();
    }

    /** Journals with parked events, the longest parked first. */
    List<ParkedJournal> list(int limit) {
        return jdbc.sql("""
                        select p.journal_id, count(*), min(p.sequence), min(p.parked_at),
                               (select f.type from parked_event f where f.journal_id = p.journal_id
                                  and f.status = 'PARKED' order by f.sequence limit 1),
                               (select f.reason from parked_event f where f.journal_id = p.journal_id
                                  and f.status = 'PARKED' order by f.sequence limit 1)
                        from parked_event p where p.status = 'PARKED'
                        group by p.journal_id order by min(p.parked_at), p.journal_id limit :limit""")
                .param("limit", limit)
                .query((rs, n) -> new ParkedJournal(
                        rs.getObject(1, UUID.class),
                        rs.getInt(2),
                        rs.getLong(3),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    private void resolve(Parked parked, String status, String operator, String skipReason, Instant now) {
        jdbc.sql("""
                        update parked_event set status = :status, resolved_by = :by, resolved_at = :at,
                               skip_reason = :skipReason
                        where journal_id = :journal and sequence = :sequence""")
                .param("status", status)
                .param("by", operator)
                .param("at", Timestamp.from(now))
                .param("skipReason", skipReason)
                .param("journal", parked.journalId())
                .param("sequence", parked.sequence())
                .update();
    }
}
