package app.rekindle.query.export;

import app.rekindle.query.timeline.TimelineEntry;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The entries table, one row per entry with its current values, RFC 4180 quoting. */
final class CsvExport {

    /** Every field any kind of entry has, in a fixed order so columns do not depend on the data. */
    static final List<String> FIELDS = List.of("occurredOn", "text", "myPart", "theirPart", "lesson", "topic",
            "initiatedBy", "minutes", "feltHeard", "listenedWell", "outcome", "notes", "gesture", "description",
            "plannedFor", "idea", "dateKind", "status", "rating", "memory", "cancelReason", "activity",
            "laughedTogether", "newMemory", "whose", "pursuit", "mood", "connection", "note");

    private CsvExport() {
    }

    static String of(List<TimelineEntry> entries) {
        List<String> header = Stream.concat(Stream.of("entryId", "kind", "step", "occurredAt", "recordedAt",
                "revision", "retracted", "retractedAt", "retractionReason"), FIELDS.stream()).toList();
        StringBuilder csv = new StringBuilder(String.join(",", header)).append("\r\n");
        for (TimelineEntry entry : entries) {
            List<Object> row = new ArrayList<>(List.of(entry.entryId(), entry.kind(), nullable(entry.step()),
                    entry.occurredAt(), entry.recordedAt(), entry.revision(), entry.retracted(),
                    nullable(entry.retractedAt()), nullable(entry.retractionReason())));
            FIELDS.forEach(field -> row.add(nullable(entry.fields().get(field))));
            csv.append(row.stream().map(CsvExport::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }

    /**
     * Quotes what needs quoting. A cell a spreadsheet would run as a formula (=, +, -, @ first) gets a
     * leading apostrophe: a person's own words must not execute when they open their export.
     */
    static String cell(Object value) {
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
