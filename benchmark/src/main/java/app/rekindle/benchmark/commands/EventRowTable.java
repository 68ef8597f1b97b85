package app.rekindle.benchmark.commands;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * The baseline's event store: a copy of Axon's {@code domain_event_entry} (same columns, keys and indexes as
 * command-service's V1 migration) in schema {@code bench}, and a real event row from the command service's
 * store whose bytes every baseline insert reuses, so both write rows of the same size.
 */
public final class EventRowTable {

    /** A stored check-in, as the command service wrote it. */
    public record Template(
            String type,
            String timeStamp,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metaData) {}

    private static final String INSERT = """
            insert into %s (event_identifier, aggregate_identifier, sequence_number, type,
                                                  time_stamp, payload_type, payload_revision, payload, meta_data)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private EventRowTable() {}

    public static void create(Connection connection) throws SQLException {
        create(connection, "domain_event_entry");
    }

    /** A fresh, empty copy named {@code table} in schema {@code bench}. */
    public static void create(Connection connection, String table) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create schema if not exists bench");
            ddl.execute("drop table if exists bench." + table);
            ddl.execute("""
                    create table bench.%1$s (
                        global_index         bigserial    primary key,
                        event_identifier     varchar(255) not null unique,
                        aggregate_identifier varchar(255) not null,
                        sequence_number      bigint       not null,
                        type                 varchar(255),
                        time_stamp           varchar(255) not null,
                        payload_type         varchar(255) not null,
                        payload_revision     varchar(255),
                        payload              bytea        not null,
                        meta_data            bytea,
                        constraint bench_%1$s_aggregate_sequence unique (aggregate_identifier, sequence_number)
                    )""".formatted(table));
        }
    }

    /** The most recent stored event whose payload type ends with {@code payloadTypeSuffix}. */
    public static Template template(Connection events, String payloadTypeSuffix) throws SQLException {
        try (PreparedStatement select = events.prepareStatement("""
                select type, time_stamp, payload_type, payload_revision, payload, meta_data
                from events.domain_event_entry where payload_type like ? order by global_index desc limit 1""")) {
            select.setString(1, "%" + payloadTypeSuffix);
            try (ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("No stored event of type *" + payloadTypeSuffix);
                }
                return new Template(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBytes(5),
                        rs.getBytes(6));
            }
        }
    }

    public static PreparedStatement prepareInsert(Connection connection) throws SQLException {
        return connection.prepareStatement(insertInto("bench.domain_event_entry"));
    }

    public static String insertInto(String table) {
        return INSERT.formatted(table);
    }

    public static void bind(PreparedStatement insert, Template row, String aggregateId, long sequence, byte[] payload)
            throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setString(2, aggregateId);
        insert.setLong(3, sequence);
        insert.setString(4, row.type());
        insert.setString(5, row.timeStamp());
        insert.setString(6, row.payloadType());
        insert.setString(7, row.payloadRevision());
        insert.setBytes(8, payload);
        insert.setBytes(9, row.metaData());
    }
}
