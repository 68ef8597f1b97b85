package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.support.testing.SpecFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI document is the API clients build against: it must be what the code serves. After an
 * intended API change, regenerate it with {@code ./mvnw -B -pl command-service -am verify -Dtest=OpenApiSpecTest -Dopenapi.write=true} and commit the file.
 */
class OpenApiSpecTest extends RunningCommandService {

    private static final Path SPEC = SpecFile.committed("command-service.json");

    @Test
    void the_committed_spec_matches_what_the_service_serves() {
        SpecFile.assertMatches(SPEC, new Api(port).get("/v3/api-docs", null).body(), "command-service");
    }

    @Test
    void every_operation_is_summarised_and_answers_problems_for_bad_requests() {
        var spec = new Api(port).get("/v3/api-docs", null).body();
        assertThat(SpecFile.undocumented(spec)).isEmpty();
        spec.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> assertThat(operation
                                .getValue()
                                .at("/responses/400/content")
                                .has("application/problem+json"))
                        .as("%s %s documents its 400 problem", operation.getKey(), path.getKey())
                        .isTrue()));
        assertThat(spec.at("/paths/~1journals~1{journalId}~1conversations/post/parameters")
                        .findValuesAsString("name"))
                .contains("Idempotency-Key", "If-Match");
        assertThat(spec.at("/paths/~1journals/post/responses").has("201")).isTrue();
    }

    @Test
    void swagger_ui_is_served_without_a_token() throws Exception {
        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui/index.html"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("swagger-ui");
    }
}
