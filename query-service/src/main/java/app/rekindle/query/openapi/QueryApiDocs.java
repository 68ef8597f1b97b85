package app.rekindle.query.openapi;

import app.rekindle.query.access.ReadGate;
import app.rekindle.support.openapi.ProblemResponses;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What every read shares, added in one place instead of repeated on each controller method: the parameter
 * descriptions, the stale-view header and the problem+json answers (400, 401, 404, and 202 "not yet" for reads
 * that wait for {@code minVersion}), and examples of the views ({@link ApiExamples}). New endpoints get all of it
 * without annotations.
 */
@Component
class QueryApiDocs implements OpenApiCustomizer {

    /** Reads that hold every entry of a journal in memory, which take a turn (replay.WholeJournalReads). */
    private static final List<String> WHOLE_JOURNAL_READS = List.of("/analytics", "/export");

    private static final ProblemResponses PROBLEMS = new ProblemResponses("limit", "must be between 1 and 100");

    @Override
    public void customise(OpenAPI api) {
        api.getComponents().addSchemas(ProblemResponses.PROBLEM, PROBLEMS.problemSchema());
        ApiExamples.addTo(api.getComponents().getSchemas());
        api.getPaths().forEach((path, item) -> item.readOperationsMap()
                .forEach((method, operation) -> document(path, operation)));
    }

    private static void document(String path, Operation operation) {
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        parameters.forEach(ParameterDocs::describe);
        boolean oneJournal = path.contains("{journalId}") && !path.startsWith("/admin/"); // operators read no view
        ApiResponse ok = operation.getResponses().get("200");
        if (oneJournal && ok != null) {
            ok.addHeaderObject(
                    ReadGate.STALE_HEADER,
                    new Header()
                            .schema(new StringSchema()._enum(List.of("true")))
                            .description(
                                    "Present when the view is behind or incomplete: an event of this journal could "
                                            + "not be applied (parked, later ones wait behind it), one is missing (later ones wait "
                                            + "for it), or an operator skipped one"));
        }
        if (parameters.stream().anyMatch(parameter -> "minVersion".equals(parameter.getName()))) {
            PROBLEMS.add(
                    operation,
                    202,
                    "Not yet: your journal's view had not reached minVersion within the wait "
                            + "(Retry-After says when to ask again); a journal you cannot see answers 404 instead",
                    "not-yet",
                    "The view has not caught up yet",
                    "The journal's view has not reached the requested version yet; retry shortly.");
        }
        if (!parameters.isEmpty()) {
            PROBLEMS.add(
                    operation,
                    400,
                    "A parameter is not valid",
                    "invalid-request",
                    "The request is not valid",
                    "Parameter 'limit' is not valid.");
        }
        PROBLEMS.add(
                operation,
                401,
                "No bearer token, or not a valid one",
                "unauthenticated",
                "Authentication required",
                "A valid bearer token is required.");
        if (path.startsWith("/admin/")) {
            PROBLEMS.add(
                    operation,
                    403,
                    "Not an operator (rekindle.admin.subjects)",
                    "forbidden",
                    "Forbidden",
                    "You may not do this.");
        }
        if (path.startsWith("/admin/dead-letters/")) {
            PROBLEMS.add(
                    operation,
                    404,
                    "No dead letter with this id",
                    "dead-letter-not-found",
                    "No such dead letter",
                    "There is no dead letter with this id.");
            PROBLEMS.add(
                    operation,
                    409,
                    "Not possible in the dead letter's state: still failing, waiting "
                            + "behind another, not parked or resolved already",
                    "dead-letter-still-failing",
                    "Still failing",
                    "The event still cannot be applied (IllegalStateException); it stays parked.");
        }
        if (WHOLE_JOURNAL_READS.stream().anyMatch(path::endsWith)) {
            PROBLEMS.add(
                    operation,
                    429,
                    "Too many reads holding a whole journal in memory at once "
                            + "(rekindle.read.max-whole-journal-reads; on export only for markdown and csv); "
                            + "Retry-After says when to ask again",
                    "too-many-requests",
                    "Too many requests",
                    "The service is answering as many whole-journal reads as it can; retry shortly.");
        }
        if (path.endsWith("/live")) {
            PROBLEMS.add(
                    operation,
                    429,
                    "Too many live streams open: yours (rekindle.live.max-streams-per-person) "
                            + "or the service's (rekindle.live.max-streams); Retry-After says when to ask again",
                    "too-many-requests",
                    "Too many requests",
                    "You have the most live streams open at once; close one first.");
        }
        if (path.startsWith("/admin/journal-gaps/")) {
            PROBLEMS.add(
                    operation,
                    404,
                    "Nothing of the journal waits for a missing event",
                    "no-gap",
                    "No gap",
                    "Nothing of this journal waits for a missing event.");
            PROBLEMS.add(
                    operation,
                    409,
                    "Not the journal's gap (the detail names it), or accepted already "
                            + "(gap-accepted-already; nothing changed)",
                    "not-the-gap",
                    "Not the gap",
                    "This journal's waiting events wait for sequences 2..2; name exactly those.");
        }
        if (oneJournal) {
            PROBLEMS.add(
                    operation,
                    404,
                    "No such journal for this person (someone else's journal answers "
                            + "exactly the same), or no such entry in it",
                    "journal-not-found",
                    "Journal not found",
                    "There is no journal with this id that you can see.");
        }
    }
}
