package app.rekindle.faults;

import app.rekindle.events.CloudEventsKafka;
import app.rekindle.launcher.e2e.TopicReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a journal's events end up, read from outside the services: the event store's rows (JDBC, schema
 * {@code events}), the topic's records (a fresh consumer from offset 0; sequence and event id from the CloudEvents
 * headers),
 * and the views (JDBC, schema {@code views}: the event log per sequence, the timeline per entry id, the journal
 * list's entry counter). Each as journal id → values in the order the layer holds them, duplicates included.
 */
record Layers(
        Map<String, List<Long>> stored,
        Map<String, List<Long>> onKafka,
        Map<String, List<String>> kafkaEvents,
        Map<String, List<Long>> inViews,
        Map<String, List<String>> timeline,
        Map<String, List<Long>> entryCounts,
        Map<String, List<String>> setAside) {

    static Layers read(StackEndpoints stack, Collection<String> journalIds) throws SQLException {
        Map<String, List<Long>> kafka = new HashMap<>();
        Map<String, List<String>> kafkaEvents = new HashMap<>();
        TopicReader.all(stack.bootstrapServers(), stack.topic()).stream()
                .filter(record -> journalIds.contains(record.key()))
                .map(CloudEventsKafka::fromRecord)
                .forEach(event -> {
                    String journal = event.journalId().toString();
                    kafka.computeIfAbsent(journal, key -> new ArrayList<>()).add(event.sequence());
                    kafkaEvents
                            .computeIfAbsent(journal, key -> new ArrayList<>())
                            .add(event.sequence() + "/" + event.eventId());
                });
        try (Connection events = stack.connect("events");
                Connection views = stack.connect("views")) {
            return new Layers(
                    select(
                            events,
                            "select aggregate_identifier, sequence_number from domain_event_entry "
                                    + "where aggregate_identifier = any(?) order by global_index",
                            journalIds,
                            "varchar"),
                    kafka,
                    kafkaEvents,
                    select(
                            views,
                            "select journal_id::text, sequence from journal_event "
                                    + "where journal_id = any(?) order by sequence",
                            journalIds,
                            "uuid"),
                    select(
                            views,
                            "select journal_id::text, entry_id::text from timeline_entry where journal_id = any(?)",
                            journalIds,
                            "uuid"),
                    select(
                            views,
                            "select journal_id::text, entry_count::bigint from journal_view where journal_id = any(?)",
                            journalIds,
                            "uuid"),
                    // What the query service parked instead of applying: dead letters (with the exception's class)
                    // and sequence gaps. A fault must cause neither.
                    select(
                            views,
                            "select journal_id::text, 'dead letter ' || sequence || ': ' || reason from dead_letter "
                                    + "where journal_id = any(?) union all select journal_id::text, 'gap at ' || expected_sequence "
                                    + "from projection_gap where journal_id = any(?)",
                            journalIds,
                            "uuid"));
        }
    }

    /** Each journal's last applied sequence as the query service records it (journal_position). */
    static Map<String, Long> viewPositions(StackEndpoints stack, Collection<String> journalIds) throws SQLException {
        try (Connection views = stack.connect("views")) {
            Map<String, List<Long>> rows = select(
                    views,
                    "select journal_id::text, last_sequence from journal_position " + "where journal_id = any(?)",
                    journalIds,
                    "uuid");
            Map<String, Long> positions = new HashMap<>();
            rows.forEach((journal, values) -> positions.put(journal, values.getFirst()));
            return positions;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, List<T>> select(
            Connection connection, String sql, Collection<String> journalIds, String arrayType) throws SQLException {
        Map<String, List<T>> found = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Array ids = connection.createArrayOf(arrayType, journalIds.toArray());
            for (int i = 1; i <= statement.getParameterMetaData().getParameterCount(); i++) {
                statement.setArray(i, ids);
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.computeIfAbsent(rows.getString(1), key -> new ArrayList<>())
                            .add((T) rows.getObject(2));
                }
            }
        }
        return found;
    }
}
