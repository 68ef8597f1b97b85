package app.rekindle.query.export;

import app.rekindle.query.timeline.TimelineEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The entries table, one row per entry with its current values, RFC 4180 quoting. */
final class CsvExport {

    /** Every field any kind of entry has, in a fixed order so columns do not depend on the data. */
    static final List<String> FIELDS = List.of(
            "occurredOn",
            "text",
            "myPart",
            "theirPart",
            "lesson",
            "topic",
            "initiatedBy",
            "minutes",
            "feltHeard",
            "listenedWell",
            "outcome",
            "notes",
            "gesture",
            "description",
            "plannedFor",
            "idea",
            "dateKind",
            "status",
            "rating",
            "memory",
            "cancelReason",
            "activity",
            "laughedTogether",
            "newMemory",
            "whose",
            "pursuit",
            "mood",
            "connection",
            "note");

    /** OWASP's formula triggers, and the full-width forms of the first four. */
    private static final String TRIGGERS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private CsvExport() {}

    static String of(List<TimelineEntry> entries) {
        List<String> header = Stream.concat(
                        Stream.of(
                                "entryId",
                                "kind",
                                "step",
                                "occurredAt",
                                "recordedAt",
                                "revision",
                                "retracted",
                                "retractedAt",
                                "retractionReason"),
                        FIELDS.stream())
                .toList();
        StringBuilder csv = new StringBuilder(String.join(",", header)).append("\r\n");
        for (TimelineEntry entry : entries) {
            List<Object> row = new ArrayList<>(List.of(
                    entry.entryId(),
                    entry.kind(),
                    nullable(entry.step()),
                    entry.occurredAt(),
                    entry.recordedAt(),
                    entry.revision(),
                    entry.retracted(),
                    nullable(entry.retractedAt()),
                    nullable(entry.retractionReason())));
            FIELDS.forEach(field -> row.add(nullable(entry.fields().get(field))));
            csv.append(row.stream().map(CsvExport::cell).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static Object nullable(Object value) {
        return value == null ? "" : value;
    }

    /**
     * Quotes what needs quoting, and neutralises what a spreadsheet would run: a text cell whose first character
     * is one of OWASP's formula triggers ({@code = + - @}, tab, carriage return), also behind leading white space
     * or as the full-width forms some spreadsheets fold to them, gets a leading apostrophe and is always quoted
     * (OWASP "CSV Injection"). A person's own words must not execute when they open their export.
     */
    static String cell(Object value) {
        String text = value.toString();
        boolean formula = !(value instanceof Number) && startsLikeAFormula(text);
        if (formula) {
            text = "'" + text;
        }
        if (formula || text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean startsLikeAFormula(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TRIGGERS.indexOf(c) >= 0) {
                return true;
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return false;
    }
}
