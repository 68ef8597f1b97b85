package app.rekindle.command.openapi;

import app.rekindle.support.openapi.ProblemResponses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
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
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Map;

/**
 * What every command shares, added in one place instead of repeated on each controller method: the
 * Idempotency-Key and If-Match headers (read by CommandContextResolver, invisible to springdoc), the answer's
 * shape, and the problem+json answers a command can get. Request-body examples come from {@link ApiExamples}.
 */
@Component
class CommandApiDocs implements OpenApiCustomizer {

    private static final ProblemResponses PROBLEMS = new ProblemResponses("feltHeard", "feltHeard must be between 1 and 5.");

    private static final String ANSWER = "CommandAnswer";

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(ProblemResponses.PROBLEM, PROBLEMS.problemSchema());
        api.getComponents().addSchemas(ANSWER, answerSchema());
        ApiExamples.addTo(api.getComponents().getSchemas());
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, method, operation)));
    }

    private static void document(String path, PathItem.HttpMethod method, Operation operation) {
        ParameterDocs.describe(operation);
        if (!path.startsWith("/journals")) {
            PROBLEMS.add(operation, 400, "The request is not valid", "invalid-request",
                    "The request is not valid", "username must match [A-Za-z0-9._@-]{1,64}.");
            return;
        }
        boolean oneJournal = path.contains("{journalId}");
        addHeader(operation, "Idempotency-Key", "Any string of 1–200 characters. A retry with the same key and "
                + "request answers the first answer again and records nothing twice.", "3f2c1a9e-retry-1");
        if (oneJournal) {
            addHeader(operation, "If-Match", "The journal version this write was made against, e.g. \"3\"; "
                    + "if the journal has moved on, the write is rejected with 409 version-conflict.", "\"3\"");
        }
        answer(operation);
        PROBLEMS.add(operation, 400, "The body, a path segment or a header is not valid", "invalid-request",
                "The request is not valid", "feltHeard must be between 1 and 5.");
        PROBLEMS.add(operation, 401, "No bearer token, or not a valid one", "unauthenticated",
                "Authentication required", "A valid bearer token is required.");
        if (oneJournal) {
            PROBLEMS.add(operation, 404, "No such journal for this person (someone else's journal answers "
                    + "the same), no such entry or date, or no such step slug", "journal-not-found",
                    "Journal not found", "There is no journal with this id for you.");
            PROBLEMS.add(operation, 409, "The journal's rules refuse it now: journal-closed, "
                    + "step-not-started, step-already-started, step-already-completed, step-not-completed, "
                    + "date-already-resolved, entry-retracted, version-conflict (If-Match) or concurrent-change",
                    "journal-closed", "Journal closed", "This journal is closed and takes no more entries or changes.");
        }
        if (path.endsWith("/completion")) {
            PROBLEMS.add(operation, 422, "step-not-ready: nothing logged for the step yet; or "
                    + "idempotency-key-reused", "step-not-ready", "Step not ready",
                    "Step communicate-openly has nothing logged yet; log something for it before completing it.");
        } else {
            PROBLEMS.add(operation, 422, "idempotency-key-reused: the key came with a different request",
                    "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request.");
        }
    }

    private static void addHeader(Operation operation, String name, String description, String example) {
        if (operation.getParameters() == null) {
            operation.setParameters(new ArrayList<>());
        }
        Parameter header = new HeaderParameter().name(name).required(false).description(description)
                .schema(new StringSchema()).example(example);
        operation.getParameters().add(header);
    }

    /** Controllers answer ResponseEntity<Object> (so idempotent replays can be stored): name the real shape. */
    private static void answer(Operation operation) {
        boolean created = operation.getResponses().containsKey("201");
        ApiResponse success = new ApiResponse()
                .description(created ? "Recorded; Location names what was made" : "Recorded")
                .content(new Content().addMediaType("application/json", new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + ANSWER))
                        .example(created
                                ? Map.of("journalId", ApiExamples.JOURNAL_ID, "entryId", ApiExamples.ENTRY_ID,
                                "version", 3)
                                : Map.of("journalId", ApiExamples.JOURNAL_ID, "version", 4))));
        if (created) {
            success.addHeaderObject("Location", new Header().description("The new journal, entry or date")
                    .schema(new StringSchema().format("uri-reference")));
        }
        operation.getResponses().remove("200");
        operation.getResponses().addApiResponse(created ? "201" : "200", success);
    }

    @SuppressWarnings("unchecked") // swagger's Schema.addProperty returns the raw Schema, so required(...) is unchecked
    private static Schema<?> answerSchema() {
        return new ObjectSchema().description("What a command recorded")
                .addProperty("journalId", new UUIDSchema())
                .addProperty("entryId", new UUIDSchema().description("Entries and dates: the new entry's id"))
                .addProperty("dateId", new UUIDSchema().description("Dates: the new date's id (= entryId)"))
                .addProperty("version", new IntegerSchema().format("int64")
                        .description("The journal's new version: its last event's sequence number"))
                .required(java.util.List.of("journalId", "version"));
    }
}
