package app.rekindle.query.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.support.testing.SpecFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The committed OpenAPI document is the API clients build against: it must be what the code serves. After an
 * intended API change (e.g. new endpoints merged), regenerate it with {@code ./mvnw -B -pl query-service -am verify -Dtest=OpenApiSpecTest -Dopenapi.write=true} and commit it.
 */
class OpenApiSpecTest extends QueryServiceTest {

    private static final Path SPEC = SpecFile.committed("query-service.json");

    @LocalServerPort
    int port;

    @Test
    void the_committed_spec_matches_what_the_service_serves() {
        SpecFile.assertMatches(SPEC, served(), "query-service");
    }

    @Test
    void every_read_is_summarised_and_documents_its_problems() {
        JsonNode spec = served();
        assertThat(SpecFile.undocumented(spec)).isEmpty();
        JsonNode timeline = spec.at("/paths/~1journals~1{journalId}~1timeline/get/responses");
        assertThat(timeline.propertyNames()).contains("200", "202", "400", "401", "404");
        assertThat(timeline.at("/404/content").has("application/problem+json")).isTrue();
        assertThat(spec.at("/components/schemas/TimelineEntry/example/kind").asString())
                .isEqualTo("CONVERSATION");
    }

    private JsonNode served() {
        return new TestApi(port).get("/v3/api-docs", null).body();
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
