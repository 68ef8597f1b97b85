package app.rekindle.command.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Map;

/** One description per parameter name, so the same parameter reads the same on every operation. */
final class ParameterDocs {

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "journalId", "The journal's id, as answered when it was opened",
            "entryId", "The entry's id, as answered when it was logged (a date's dateId is its entryId)",
            "dateId", "The date's id, as answered when it was planned",
            "slug",
                    "One of the six steps: reflect-on-the-past, communicate-openly, show-genuine-interest, "
                            + "rekindle-romance, reignite-friendship, give-each-other-space",
            "reason", "Why the entry is retracted (for clients that send no body with DELETE)");

    private ParameterDocs() {}

    static void describe(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (parameter.getDescription() == null) {
                parameter.setDescription(DESCRIPTIONS.get(parameter.getName()));
            }
        }
    }
}
