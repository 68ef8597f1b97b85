package app.rekindle.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

class HttpContractTest extends QueryServiceTest {

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    TestApi api;
    TestJournal journal;

    @BeforeEach
    void journal_of_alice() {
        api = new TestApi(port);
        journal = new TestJournal("alice-" + UUID.randomUUID());
        projector.apply(journal.publish(journal.opened()));
        projector.apply(journal.publish(journal.checkIn("fine")));
    }

    @Test
    void the_owner_reads_every_view_of_the_journal() {
        String base = "/journals/" + journal.id;
        var one = api.get(base, journal.owner);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body().get("version").asLong()).isEqualTo(1);
        assertThat(one.header("Rekindle-View-Stale")).isNull();

        var timeline = api.get(base + "/timeline?minVersion=1", journal.owner);
        assertThat(timeline.status()).isEqualTo(200);
        assertThat(timeline.body().get("entries")).hasSize(1);
        assertThat(timeline.body().get("nextCursor").isNull()).isTrue();

        var progress = api.get(base + "/progress", journal.owner);
        assertThat(progress.body().get("steps")).hasSize(6);
        assertThat(progress.body().get("steps").get(0).get("step").asString()).isEqualTo("reflect-on-the-past");

        var mine = api.get("/journals?journalId=" + journal.id + "&minVersion=1", journal.owner);
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().get("journals")).hasSize(1);
    }

    @Test
    void someone_elses_journal_answers_exactly_like_a_missing_one() {
        var foreign = api.get("/journals/" + journal.id + "/timeline", "mallory");
        var missing = api.get("/journals/" + UUID.randomUUID() + "/timeline", "mallory");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(foreign.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(foreign.raw()).isEqualTo(missing.raw());
        assertThat(foreign.body().get("type").asString()).isEqualTo("https://rekindle.app/problems/journal-not-found");
        assertThat(foreign.raw()).doesNotContain(journal.id.toString());
    }

    @Test
    void waiting_for_a_version_answers_alike_for_foreign_and_missing_journals() {
        var foreign = api.get("/journals/" + journal.id + "/progress?minVersion=1", "mallory");
        var missing = api.get("/journals/" + UUID.randomUUID() + "/progress?minVersion=1", "mallory");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.raw()).isEqualTo(missing.raw());
        assertThat(foreign.body().get("type").asString()).isEqualTo("https://rekindle.app/problems/journal-not-found");
    }

    @Test
    void a_version_not_reached_in_time_answers_202_not_yet() {
        var response = api.get("/journals/" + journal.id + "/timeline?minVersion=7", journal.owner);

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body().get("type").asString()).isEqualTo("https://rekindle.app/problems/not-yet");
        assertThat(response.body().get("title").asString()).isEqualTo("The view has not caught up yet");
        assertThat(response.body().get("status").asInt()).isEqualTo(202);
        assertThat(response.body().get("minVersion").asLong()).isEqualTo(7);
        assertThat(response.body().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(response.body().has("detail")).isTrue();
    }

    @Test
    void a_request_without_a_token_is_401_problem_json() {
        var response = api.get("/journals/" + journal.id + "/timeline", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body().get("status").asInt()).isEqualTo(401);
        assertThat(response.body().get("type").asString()).isEqualTo("https://rekindle.app/problems/unauthenticated");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "limit=0",
                "limit=1000",
                "kind=HUG",
                "cursor=not-a-cursor",
                "step=step-seven",
                "from=yesterday",
                "minVersion=-1",
                "from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z"
            })
    void bad_timeline_parameters_are_400_problem_json(String query) {
        var response = api.get("/journals/" + journal.id + "/timeline?" + query, journal.owner);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.body().get("errors").get(0).get("field").asString())
                .isEqualTo(query.substring(query.lastIndexOf('&') + 1, query.lastIndexOf('=')));
    }

    @Test
    void a_bad_journal_id_is_400_naming_the_field() {
        var response = api.get("/journals/not-a-uuid/progress", journal.owner);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("journalId");
    }

    @Test
    void health_and_api_docs_are_open() {
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
        var docs = api.get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/journals/{journalId}/timeline"))
                .isTrue();
        assertThat(docs.body().get("components").get("securitySchemes").has("bearer"))
                .isTrue();
    }
}
