package app.rekindle.command.eventstore;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The few reads other capabilities make of Axon's tables without loading a journal: the owner check (its
 * opening event, its last event's type), an owner's journals for erasure and the publisher's backlog. Kept here so that only the event store's
 * package names its tables.
 */
@Component
public class StoredEvents {

    private final JdbcClient jdbc;

    StoredEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The journal's opening event as stored (its owner is never sealed), or empty for no such journal. */
    public Optional<byte[]> openingPayload(UUID journalId) {
        return jdbc.sql("SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0")
                .param(journalId.toString())
                .query(byte[].class)
                .optional();
    }

    /** The payload type (a class name) of the journal's last event, or empty for no such journal. */
    public Optional<String> lastPayloadType(UUID journalId) {
        return jdbc.sql("SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY sequence_number DESC LIMIT 1")
                .param(journalId.toString())
                .query(String.class)
                .optional();
    }

    /**
     * Up to {@code most} journals whose opening event names the owner, in id order after {@code after} (null: from
     * the first), erased ones included. No index leads from an owner to their journals, so each call reads every
     * journal's opening event (sequence number 0, one row per journal; the payload is JSON and its owner is never
     * sealed, as {@code access.JournalOwners} reads it): a scan, fine for what it serves — deleting an account,
     * which is rare — and bounded by {@code most} in what it answers, so a caller pages through with
     * {@code after}.
     */
    public List<UUID> journalsOpenedBy(String owner, UUID after, int most) {
        return jdbc.sql("""
                        SELECT aggregate_identifier FROM domain_event_entry
                        WHERE sequence_number = 0 AND aggregate_identifier > :after
                          AND convert_from(payload, 'UTF8')::jsonb ->> 'ownerId' = :owner
                        ORDER BY aggregate_identifier LIMIT :most""")
                .param("after", after == null ? "" : after.toString())
                .param("owner", owner)
                .param("most", most)
                .query((rs, row) -> UUID.fromString(rs.getString(1)))
                .list();
    }

    /** The tokens a tracking processor stored, one per segment (null where a segment has none yet). */
    public List<byte[]> tokensOf(String processorName) {
        return jdbc.sql("select token from token_entry where processor_name = :name")
                .param("name", processorName)
                .query((rs, row) -> rs.getBytes(1))
                .list();
    }

    /** Events stored past a global index: a count, since the sequence behind global_index may leave gaps. */
    public long countAfter(long globalIndex) {
        return jdbc.sql("select count(*) from domain_event_entry where global_index > :position")
                .param("position", globalIndex)
                .query(Long.class)
                .single();
    }
}
