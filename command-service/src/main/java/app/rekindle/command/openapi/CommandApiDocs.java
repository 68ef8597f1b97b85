package app.rekindle.command.openapi;

import app.rekindle.support.openapi.ProblemResponses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.ArrayList;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What every command shares, added in one place instead of repeated on each controller method: the
 * Idempotency-Key and If-Match headers (read by CommandContextResolver, invisible to springdoc), the answer's
 * shape, and the problem+json answers a command can get. Request-body examples come from {@link ApiExamples}.
 */
@Component
class CommandApiDocs implements OpenApiCustomizer {

    private static final ProblemResponses PROBLEMS =
            new ProblemResponses("feltHeard", "feltHeard must be between 1 and 5.");

    private static final String ANSWER = "CommandAnswer";
    private static final String BATCH_ANSWER = "BatchAnswer";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(ProblemResponses.PROBLEM, PROBLEMS.problemSchema());
        api.getComponents().addSchemas(ANSWER, answerSchema());
        api.getComponents().addSchemas(BATCH_ANSWER, batchAnswerSchema());
        ApiExamples.addTo(api.getComponents().getSchemas());
        describeBatchItem(api.getComponents().getSchemas());
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        ParameterDocs.describe(operation);
        if (!path.startsWith("/journals")) {
            PROBLEMS.add(
                    operation,
                    400,
                    "The request is not valid",
                    "invalid-request",
                    "The request is not valid",
                    "username must match [A-Za-z0-9._@-]{1,64}.");
            return;
        }
        boolean oneJournal = path.contains("{journalId}");
        boolean batch = path.endsWith("/batches");
        if (!batch) { // a batch's items carry their keys
            addHeader(
                    operation,
                    "Idempotency-Key",
                    "Any string of 1–200 characters. A retry with the same key and "
                            + "request answers the first answer again and records nothing twice.",
                    "3f2c1a9e-retry-1");
        }
        if (oneJournal) {
            addHeader(
                    operation,
                    "If-Match",
                    "The journal version this write was made against, e.g. \"3\"; "
                            + "if the journal has moved on, the write is rejected with 409 version-conflict.",
                    "\"3\"");
        }
        if (batch) {
            batchAnswer(operation);
        } else {
            answer(operation);
        }
        PROBLEMS.add(
                operation,
                400,
                "The body, a path segment or a header is not valid",
                "invalid-request",
                "The request is not valid",
                "feltHeard must be between 1 and 5.");
        PROBLEMS.add(
                operation,
                401,
                "No bearer token, or not a valid one",
                "unauthenticated",
                "Authentication required",
                "A valid bearer token is required.");
        if (oneJournal) {
            PROBLEMS.add(
                    operation,
                    404,
                    "No such journal for this person (someone else's journal answers "
                            + "the same), no such entry or date, or no such step slug",
                    "journal-not-found",
                    "Journal not found",
                    "There is no journal with this id for you.");
            PROBLEMS.add(
                    operation,
                    409,
                    "The journal's rules refuse it now: journal-closed, "
                            + "step-not-started, step-already-started, step-already-completed, step-not-completed, "
                            + "date-already-resolved, entry-retracted, version-conflict (If-Match) or concurrent-change",
                    "journal-closed",
                    "Journal closed",
                    "This journal is closed and takes no more entries or changes.");
        }
        if (path.endsWith("/completion")) {
            PROBLEMS.add(
                    operation,
                    422,
                    "step-not-ready: nothing logged for the step yet; or " + "idempotency-key-reused",
                    "step-not-ready",
                    "Step not ready",
                    "Step communicate-openly has nothing logged yet; log something for it before completing it.");
        } else if (path.endsWith("/batches")) {
            PROBLEMS.add(
                    operation,
                    422,
                    "idempotency-key-reused: an item's idempotencyKey came with other content "
                            + "before; the problem's item names its index and nothing of the batch is recorded",
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "The idempotencyKey of items[2] was already used for a different request.");
        } else {
            PROBLEMS.add(
                    operation,
                    422,
                    "idempotency-key-reused: the key came with a different request",
                    "idempotency-key-reused",
                    "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request.");
        }
    }

    private static void addHeader(Operation operation, String name, String description, String example) {
        if (operation.getParameters() == null) {
            operation.setParameters(new ArrayList<>());
        }
        Parameter header = new HeaderParameter()
                .name(name)
                .required(false)
                .description(description)
                .schema(new StringSchema())
                .example(example);
        operation.getParameters().add(header);
    }

    /** Controllers answer ResponseEntity<Object> (so idempotent replays can be stored): name the real shape. */
    private static void answer(Operation operation) {
        boolean created = operation.getResponses().containsKey("201");
        ApiResponse success = new ApiResponse()
                .description(created ? "Recorded; Location names what was made" : "Recorded")
                .content(new Content()
                        .addMediaType(
                                "application/json",
                                new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/" + ANSWER))
                                        .example(
                                                created
                                                        ? Map.of(
                                                                "journalId",
                                                                ApiExamples.JOURNAL_ID,
                                                                "entryId",
                                                                ApiExamples.ENTRY_ID,
                                                                "version",
                                                                3)
                                                        : Map.of("journalId", ApiExamples.JOURNAL_ID, "version", 4))));
        if (created) {
            success.addHeaderObject(
                    "Location",
                    new Header()
                            .description("The new journal, entry or date")
                            .schema(new StringSchema().format("uri-reference")));
        }
        operation.getResponses().remove("200");
        operation.getResponses().addApiResponse(created ? "201" : "200", success);
    }

    /** A batch answers each item in order: its entry id, the journal's version after it, and whether replayed. */
    private static void batchAnswer(Operation operation) {
        ApiResponse success = new ApiResponse()
                .description("Every item recorded (or replayed), in order")
                .content(new Content()
                        .addMediaType(
                                "application/json",
                                new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/" + BATCH_ANSWER))
                                        .example(Map.of(
                                                "journalId",
                                                ApiExamples.JOURNAL_ID,
                                                "items",
                                                java.util.List.of(Map.of(
                                                        "entryId",
                                                        ApiExamples.ENTRY_ID,
                                                        "version",
                                                        7,
                                                        "replayed",
                                                        false))))));
        operation.getResponses().remove("200");
        operation.getResponses().addApiResponse("200", success);
    }

    /** Kinds of entry a batch takes, by the name of their single endpoint's body schema. */
    private static final java.util.List<String> BATCH_TYPES =
            java.util.List.of("reflection", "conversation", "gesture", "check-in", "activity", "personal-time", "date");

    private static final java.util.List<String> BATCH_BODIES = java.util.List.of(
            "Reflection", "Conversation", "Gesture", "CheckIn", "Activity", "PersonalTime", "PlanDateRequest");

    /**
     * springdoc sees the item's body as an empty NewEntry and misses the type beside it (Jackson's external type
     * id): name both, each kind's body being exactly the one its single endpoint takes.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describeBatchItem(Map<String, Schema> schemas) {
        Schema item = schemas.get("BatchItem");
        if (item == null) {
            return;
        }
        schemas.remove("NewEntry");
        item.addProperty(
                "type",
                new StringSchema()
                        ._enum(BATCH_TYPES)
                        .description("The kind of entry, as in its single endpoint's path"));
        item.addProperty(
                "body",
                new ComposedSchema()
                        .oneOf(BATCH_BODIES.stream()
                                .<Schema>map(name -> new Schema<>().$ref("#/components/schemas/" + name))
                                .toList())
                        .description("Exactly the body the kind's single endpoint takes"));
        ((Schema<?>) item.getProperties().get("entryId"))
                .description("Chosen by the client: the new entry's id " + "(a date's dateId)");
        ((Schema<?>) item.getProperties().get("idempotencyKey"))
                .description("This item's own key: sent again "
                        + "with the same content, the item answers its first answer and is not recorded twice");
        java.util.List<String> required = new ArrayList<>(item.getRequired());
        required.add(0, "type");
        item.setRequired(required);
    }

    @SuppressWarnings("unchecked") // swagger's Schema.addProperty returns the raw Schema, so required(...) is unchecked
    private static Schema<?> batchAnswerSchema() {
        Schema<?> item = new ObjectSchema()
                .addProperty("entryId", new UUIDSchema().description("The item's entryId"))
                .addProperty(
                        "version",
                        new IntegerSchema().format("int64").description("The journal's version after this item"))
                .addProperty(
                        "replayed",
                        new BooleanSchema()
                                .description("The item's idempotencyKey was used before with the same content: this is "
                                        + "the first answer again, and nothing was recorded for it now"))
                .required(java.util.List.of("entryId", "version", "replayed"));
        return new ObjectSchema()
                .description("What a batch recorded, item by item in the order sent")
                .addProperty("journalId", new UUIDSchema())
                .addProperty("items", new ArraySchema().items(item))
                .required(java.util.List.of("journalId", "items"));
    }

    @SuppressWarnings("unchecked") // swagger's Schema.addProperty returns the raw Schema, so required(...) is unchecked
    private static Schema<?> answerSchema() {
        return new ObjectSchema()
                .description("What a command recorded")
                .addProperty("journalId", new UUIDSchema())
                .addProperty("entryId", new UUIDSchema().description("Entries and dates: the new entry's id"))
                .addProperty("dateId", new UUIDSchema().description("Dates: the new date's id (= entryId)"))
                .addProperty(
                        "version",
                        new IntegerSchema()
                                .format("int64")
                                .description("The journal's new version: its last event's sequence number"))
                .required(java.util.List.of("journalId", "version"));
    }
}
