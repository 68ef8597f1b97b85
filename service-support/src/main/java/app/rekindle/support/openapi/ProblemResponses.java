package app.rekindle.support.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The RFC 9457 problem+json schema and the standard error answers, with one example each, as both services
 * document them. Each service names the field its invalid-request example shows.
 */
public final class ProblemResponses {

    public static final String PROBLEM = "Problem";
    private static final String BASE = "https://rekindle.app/problems/";

    private final String exampleField;
    private final String exampleMessage;

    /** @param exampleField a field of this service's API, shown in the schema and the invalid-request example */
    public ProblemResponses(String exampleField, String exampleMessage) {
        this.exampleField = exampleField;
        this.exampleMessage = exampleMessage;
    }

    @SuppressWarnings("unchecked") // swagger's Schema.addProperty returns the raw Schema, so required(...) is unchecked
    public Schema<?> problemSchema() {
        Schema<?> error = new ObjectSchema()
                .addProperty(
                        "field", new StringSchema().description("The field, header or parameter, e.g. " + exampleField))
                .addProperty("rule", new StringSchema().description("The rule it broke: required, range, format ..."))
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("An RFC 9457 problem; `type` is stable and meant for code")
                .addProperty("type", new StringSchema().format("uri").example(BASE + "step-not-ready"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri-reference"))
                .addProperty("errors", new ArraySchema().items(error).description("Only for invalid-request"))
                .required(List.of("type", "title", "status"));
    }

    public void add(Operation operation, int status, String description, String type, String title, String detail) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", BASE + type);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        if (type.equals("invalid-request")) {
            example.put("errors", List.of(Map.of("field", exampleField, "rule", "range", "message", exampleMessage)));
        }
        MediaType problemJson = new MediaType()
                .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
                .example(example);
        operation
                .getResponses()
                .addApiResponse(
                        Integer.toString(status),
                        new ApiResponse()
                                .description(description)
                                .content(new Content().addMediaType("application/problem+json", problemJson)));
    }
}
