package app.rekindle.query.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Examples of what reads answer, keyed by the schema name springdoc gives the view record; Swagger UI builds
 * the example of a whole answer (a timeline page, the progress) from these.
 */
final class ApiExamples {

    private static final String JOURNAL_ID = "5b0c7e2a-3f4d-4e8b-9a61-2f1d0c9b8a71";

    private ApiExamples() {}

    private static Map<String, Object> timelineEntry() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("occurredAt", "2026-11-17T19:30:00Z");
        fields.put("topic", "How we spend evenings");
        fields.put("initiatedBy", "ME");
        fields.put("minutes", 40);
        fields.put("feltHeard", 4);
        fields.put("listenedWell", 4);
        fields.put("outcome", "PARTLY_RESOLVED");
        fields.put("notes", "Calmer than expected");
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("entryId", "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f");
        entry.put("kind", "CONVERSATION");
        entry.put("step", "communicate-openly");
        entry.put("occurredAt", "2026-11-17T19:30:00Z");
        entry.put("recordedAt", "2026-11-17T21:02:11Z");
        entry.put("fields", fields);
        entry.put("revision", 1);
        entry.put("retracted", false);
        return entry;
    }

    private static Map<String, Object> stepProgress() {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", "communicate-openly");
        step.put("number", 2);
        step.put("status", "IN_PROGRESS");
        step.put("startedAt", "2026-11-17T19:30:00Z");
        step.put("entryCount", 1);
        step.put("lastEntryAt", "2026-11-17T19:30:00Z");
        step.put("reopenedCount", 0);
        return step;
    }

    private static Map<String, Object> journalSummary() {
        Map<String, Object> journal = new LinkedHashMap<>();
        journal.put("journalId", JOURNAL_ID);
        journal.put("partnerName", "Sam");
        journal.put("intention", "Find our way back to each other");
        journal.put("timezone", "Europe/Berlin");
        journal.put("status", "OPEN");
        journal.put("openedAt", "2026-11-16T08:00:00Z");
        journal.put("lastEntryAt", "2026-11-17T19:30:00Z");
        journal.put("entryCount", 2);
        journal.put("progress", Map.of("stepsCompleted", 1, "inProgress", List.of("communicate-openly")));
        journal.put("version", 4);
        journal.put("stale", false);
        return journal;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void addTo(Map<String, Schema> schemas) {
        Map<String, Object> examples = Map.of(
                "TimelineEntry", timelineEntry(), "StepProgress", stepProgress(), "JournalSummary", journalSummary());
        examples.forEach((name, example) -> {
            Schema schema = schemas.get(name);
            if (schema != null) {
                schema.setExample(example);
            }
        });
    }
}
