package app.rekindle.query.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The query service's few request bodies (an operator's skip) are read by the same strict JSON rules. */
class AdminBodiesTest extends QueryServiceTest {

    @LocalServerPort
    int port;

    @Test
    void a_skip_reason_of_the_wrong_type_or_an_unknown_property_is_a_400_naming_it() {
        TestApi api = new TestApi(port);
        Map<String, String> refused = Map.of(
                "{\"reason\":123}", "reason",
                "{\"reason\":true}", "reason",
                "{\"reason\":[\"poison\"]}", "reason",
                "{\"reason\":\"poison\",\"skipAll\":true}", "skipAll",
                "{\"reason\":\"poison\"} {}", "body");

        refused.forEach((body, field) -> {
            TestApi.Response answer = api.post("/admin/dead-letters/999999999/skip", body, ADMIN);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.header("Content-Type")).as(body).startsWith("application/problem+json");
            assertThat(answer.body().at("/errors/0/field").asString()).as(body).isEqualTo(field);
            assertThat(answer.body().at("/errors/0/rule").asString()).as(body).isEqualTo("readable");
        });
        assertThat(api.post("/admin/dead-letters/999999999/skip", "{\"reason\":\"poison\"}", ADMIN)
                        .status())
                .as("a well-typed body reaches the operator command")
                .isEqualTo(404);
    }
}
