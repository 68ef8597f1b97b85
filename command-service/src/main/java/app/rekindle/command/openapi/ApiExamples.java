package app.rekindle.command.openapi;

import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;

/** A realistic example for every request body, keyed by the schema name springdoc gives the request record. */
final class ApiExamples {

    static final String JOURNAL_ID = "5b0c7e2a-3f4d-4e8b-9a61-2f1d0c9b8a71";
    static final String ENTRY_ID = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f";

    private static final Map<String, Object> EXAMPLES = Map.ofEntries(
            Map.entry(
                    "OpenJournalRequest",
                    Map.of(
                            "partnerName",
                            "Sam",
                            "intention",
                            "Find our way back to each other",
                            "timezone",
                            "Europe/Berlin")),
            Map.entry("CloseJournalRequest", Map.of("outcome", "RECONCILED", "note", "We made it")),
            Map.entry(
                    "Reflection",
                    Map.of(
                            "occurredOn",
                            "2026-11-16",
                            "text",
                            "We stopped talking about anything but logistics",
                            "myPart",
                            "I withdrew",
                            "theirPart",
                            "Sam stopped asking",
                            "lesson",
                            "Say it early, not late")),
            Map.entry(
                    "Conversation",
                    Map.of(
                            "occurredAt",
                            "2026-11-17T19:30:00Z",
                            "topic",
                            "How we spend evenings",
                            "initiatedBy",
                            "ME",
                            "minutes",
                            40,
                            "feltHeard",
                            4,
                            "listenedWell",
                            4,
                            "outcome",
                            "PARTLY_RESOLVED",
                            "channel",
                            "IN_PERSON",
                            "notes",
                            "Calmer than expected")),
            Map.entry(
                    "Gesture",
                    Map.of(
                            "occurredAt",
                            "2026-11-18T08:00:00Z",
                            "kind",
                            "ASKED_ABOUT_DAY",
                            "description",
                            "Asked how the pitch went")),
            Map.entry(
                    "Activity",
                    Map.of(
                            "occurredAt",
                            "2026-11-21T20:00:00Z",
                            "activity",
                            "Board games",
                            "laughedTogether",
                            true,
                            "newMemory",
                            "The dice tower")),
            Map.entry(
                    "PersonalTime",
                    Map.of(
                            "occurredAt",
                            "2026-11-19T17:00:00Z",
                            "whose",
                            "PARTNERS",
                            "pursuit",
                            "Climbing with friends",
                            "minutes",
                            150)),
            Map.entry("CheckIn", Map.of("mood", 4, "connection", 3, "note", "Hopeful")),
            Map.entry("Amendment", Map.of("changes", Map.of("feltHeard", 5), "reason", "I remembered it better")),
            Map.entry("Retraction", Map.of("reason", "Logged twice")),
            Map.entry(
                    "PlanDateRequest",
                    Map.of(
                            "plannedFor",
                            "2026-11-21T18:00:00Z",
                            "idea",
                            "Dinner where we had our first date",
                            "kind",
                            "RECREATED_MEMORY")),
            Map.entry("DateHappenedRequest", Map.of("rating", 5, "memory", "We laughed a lot")),
            Map.entry("CancellationRequest", Map.of("reason", "Sam was ill")),
            Map.entry("CompletionRequest", Map.of("summary", "I understand my part now")),
            Map.entry("ReopeningRequest", Map.of("reason", "We fell back into old habits")),
            Map.entry("TokenRequest", Map.of("username", "alice")),
            Map.entry(
                    "Batch",
                    Map.of(
                            "items",
                            java.util.List.of(
                                    Map.of(
                                            "type",
                                            "check-in",
                                            "idempotencyKey",
                                            "phone-7f3a-1",
                                            "entryId",
                                            ENTRY_ID,
                                            "body",
                                            Map.of(
                                                    "mood",
                                                    4,
                                                    "connection",
                                                    3,
                                                    "note",
                                                    "Hopeful",
                                                    "occurredAt",
                                                    "2026-11-20T08:00:00Z")),
                                    Map.of(
                                            "type",
                                            "conversation",
                                            "idempotencyKey",
                                            "phone-7f3a-2",
                                            "entryId",
                                            "d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f60",
                                            "body",
                                            Map.of(
                                                    "occurredAt",
                                                    "2026-11-20T19:30:00Z",
                                                    "topic",
                                                    "The weekend",
                                                    "initiatedBy",
                                                    "PARTNER",
                                                    "minutes",
                                                    25,
                                                    "feltHeard",
                                                    4,
                                                    "listenedWell",
                                                    5,
                                                    "outcome",
                                                    "RESOLVED"))))));

    private ApiExamples() {}

    @SuppressWarnings({"rawtypes", "unchecked"})
    static void addTo(Map<String, Schema> schemas) {
        EXAMPLES.forEach((name, example) -> {
            Schema schema = schemas.get(name);
            if (schema != null) {
                schema.setExample(example);
            }
        });
    }
}
