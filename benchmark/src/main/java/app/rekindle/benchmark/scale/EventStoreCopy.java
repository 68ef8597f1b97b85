package app.rekindle.benchmark.scale;

import app.rekindle.benchmark.commands.EventRowTable;
import app.rekindle.events.JournalEvent;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams events into the command service's {@code events.domain_event_entry} with PostgreSQL's binary
 * {@code COPY}, one transaction for the whole step. Each row takes the columns the command service does not vary
 * per event (aggregate type, payload type and revision, metadata) from a row it stored itself ({@link
 * EventRowTable#template}); the global indexes are a block below every stored one ({@link #lowestIndex}).
 */
final class EventStoreCopy implements AutoCloseable {

    private static final byte[] SIGNATURE = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
    private static final int FLUSH_BYTES = 1 << 20;
    /** Axon's DateTimeUtils form: ISO-8601 in UTC with milliseconds. */
    private static final DateTimeFormatter TIME_STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final CopyIn copy;
    private final EventRowTable.Template opened;
    private final EventRowTable.Template checkedIn;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + 64 * 1024);
    private final DataOutputStream out = new DataOutputStream(buffer);
    private long nextIndex;

    EventStoreCopy(Connection events, long firstIndex, EventRowTable.Template opened, EventRowTable.Template checkedIn)
            throws SQLException, IOException {
        this.opened = opened;
        this.checkedIn = checkedIn;
        this.nextIndex = firstIndex;
        this.copy = events.unwrap(PGConnection.class).getCopyAPI().copyIn("""
                        copy events.domain_event_entry (global_index, event_identifier, aggregate_identifier,
                            sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data)
                        from stdin (format binary)""");
        out.write(SIGNATURE);
        out.writeInt(0); // flags
        out.writeInt(0); // header extension length
    }

    /**
     * The lowest global index stored. The fill's blocks go below it: the fill is history, older than every event the
     * command service has stored, and its place in the stream is before them. The Kafka publisher (a tracking
     * processor) and the event store's reader behind it only ever read past their position, so they never read
     * it, as a publisher never rereads a store's old history; a journal's events are read by journal and sequence
     * number, wherever they sit in the stream.
     */
    static long lowestIndex(Connection events) throws SQLException {
        try (Statement statement = events.createStatement();
                ResultSet rs = statement.executeQuery(
                        "select coalesce(min(global_index), 1) from events.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void add(ScaleJournals.Stored stored) throws SQLException, IOException {
        EventRowTable.Template row = stored.event() instanceof JournalEvent.JournalOpened ? opened : checkedIn;
        out.writeShort(10);
        long8(nextIndex++);
        text(stored.eventId());
        text(stored.event().journalId().toString());
        long8(stored.sequence());
        text(row.type());
        text(TIME_STAMP.format(stored.event().recordedAt()));
        text(row.payloadType());
        text(row.payloadRevision());
        bytes(stored.payload());
        bytes(row.metaData());
        if (buffer.size() >= FLUSH_BYTES) {
            flush();
        }
    }

    /** Ends the COPY (its transaction commits); returns the rows written. */
    long finish() throws SQLException, IOException {
        out.writeShort(-1);
        flush();
        return copy.endCopy();
    }

    private void long8(long value) throws IOException {
        out.writeInt(8);
        out.writeLong(value);
    }

    private void text(String value) throws IOException {
        bytes(value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private void bytes(byte[] value) throws IOException {
        if (value == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(value.length);
        out.write(value);
    }

    private void flush() throws SQLException, IOException {
        out.flush();
        copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
        buffer.reset();
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
