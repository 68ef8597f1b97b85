package app.rekindle.query.openapi;

import app.rekindle.events.rules.ValueWindows;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Map;

/**
 * One description per parameter name, so the same parameter reads the same on every read. Names a new endpoint
 * shares with these get their description for free; a new name needs a line here or {@code @Parameter}.
 */
final class ParameterDocs {

    /** Instants and days in reads lie in ValueWindows.readable(); said once for every such parameter. */
    private static final String READABLE =
            ", from " + ValueWindows.EARLIEST_DAY + " to " + ValueWindows.LATEST_READ_DAY + " (else 400, rule window)";

    private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            Map.entry("journalId", "The journal's id; on GET /journals, the journal minVersion refers to"),
            Map.entry("entryId", "The entry's id (a date's dateId is its entryId)"),
            Map.entry(
                    "minVersion",
                    "Read your own writes: wait (bounded) until the view has reached this journal "
                            + "version, the `version` a command answered; 202 if it has not in time"),
            Map.entry("step", "Only entries of this step, by slug, e.g. communicate-openly"),
            Map.entry("kind", "Only entries of this kind"),
            Map.entry(
                    "from",
                    "Start of the range, inclusive: an instant (ISO-8601), or a day in the journal's time zone for analytics"
                            + READABLE),
            Map.entry(
                    "to",
                    "End of the range: an instant (ISO-8601, exclusive) on the timeline, a day (inclusive) for analytics"
                            + READABLE + "; analytics span at most 2,000 periods"),
            Map.entry("until", "Up to this instant (ISO-8601)" + READABLE),
            Map.entry("q", "Only entries whose text contains this, case-insensitive"),
            Map.entry("limit", "Page size, 1 to 100 (default 20)"),
            Map.entry("cursor", "Where the next page starts: the previous page's nextCursor"),
            Map.entry("includeRetracted", "Also list retracted entries, marked as such"),
            Map.entry("asOf", "Answer as the view was at this instant (ISO-8601)" + READABLE),
            Map.entry("bucket", "Group counts by WEEK or MONTH"),
            Map.entry("date", "The day to look back from (ISO-8601 date); default today" + READABLE),
            Map.entry("format", "json, markdown or csv"),
            Map.entry("id", "The dead letter's id, as listed by GET /admin/dead-letters"),
            Map.entry(
                    "status",
                    "Only dead letters in this status: PARKED, WAITING_BEHIND, WAITING_FOR_GAP, APPLIED, "
                            + "DUPLICATE or SKIPPED"),
            Map.entry(
                    "Last-Event-ID",
                    "Resume the stream after this journal sequence (sent by EventSource on reconnect)"));

    private ParameterDocs() {}

    static void describe(Parameter parameter) {
        if (parameter.getDescription() == null) {
            parameter.setDescription(DESCRIPTIONS.get(parameter.getName()));
        }
    }
}
