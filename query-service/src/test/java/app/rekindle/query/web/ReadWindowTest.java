package app.rekindle.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every instant and day a read names must lie in ValueWindows.readable() (1900-01-01 to 9999-12-31): outside it
 * is a 400 problem+json naming the parameter with rule "window" — once a 500 from PostgreSQL, or an analytics
 * answer that ran the service out of memory — and the journal reads the same afterwards.
 */
class ReadWindowTest extends QueryServiceTest {

    private static final List<String> INSTANTS_OUTSIDE = List.of(
            "-300000-01-01T00:00:00Z",
            "+999999999-12-31T23:59:59Z",
            "0001-01-01T00:00:00Z",
            "1899-12-31T23:59:59Z",
            "+10000-01-01T00:00:00Z",
            "-4999-06-01T12:00:00Z");
    private static final List<String> DAYS_OUTSIDE =
            List.of("0001-01-01", "+999999999-12-31", "-999999999-01-01", "1899-12-31", "+10000-01-01");

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
        projector.apply(journal.publish(journal.conversation("Money")));
    }

    static Stream<Arguments> outside_the_window() {
        List<Arguments> cases = new ArrayList<>();
        for (String instant : INSTANTS_OUTSIDE) {
            cases.add(Arguments.of("/timeline", "from", instant));
            cases.add(Arguments.of("/timeline", "to", instant));
            cases.add(Arguments.of("/timeline", "asOf", instant));
            cases.add(Arguments.of("/timeline?asOf=2026-03-01T12:00:00Z", "from", instant));
            cases.add(Arguments.of("/timeline?asOf=2026-03-01T12:00:00Z", "to", instant));
            cases.add(Arguments.of("/progress", "asOf", instant));
            cases.add(Arguments.of("/history", "from", instant));
            cases.add(Arguments.of("/history", "until", instant));
            cases.add(Arguments.of("/timeline", "cursor", cursor(instant)));
            cases.add(Arguments.of("/timeline?asOf=2026-03-01T12:00:00Z", "cursor", cursor(instant)));
        }
        for (String day : DAYS_OUTSIDE) {
            cases.add(Arguments.of("/analytics", "from", day));
            cases.add(Arguments.of("/analytics", "to", day));
            cases.add(Arguments.of("/analytics?bucket=MONTH", "to", day));
            cases.add(Arguments.of("/on-this-day", "date", day));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}={2}")
    @MethodSource("outside_the_window")
    void an_instant_or_day_outside_the_readable_window_is_400_naming_the_parameter(
            String read, String parameter, String value) {
        List<String> before = views();
        String path = "/journals/" + journal.id + read + (read.contains("?") ? "&" : "?") + parameter + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8);

        var response = api.get(path, journal.owner);

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        var error = response.body().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(parameter);
        assertThat(error.get("rule").asString()).isEqualTo("window");
        assertThat(error.get("message").asString()).contains("1900-01-01T00:00:00Z");
        assertThat(response.raw()).doesNotContain(value);
        assertThat(views()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/timeline?from=1900-01-01T00:00:00Z&to=9999-12-31T23:59:59Z",
                "/timeline?asOf=9999-12-31T23:59:59Z&from=1900-01-01T00:00:00Z",
                "/progress?asOf=9999-12-31T23:59:59Z",
                "/history?from=1900-01-01T00:00:00Z&until=9999-12-31T23:59:59Z",
                "/on-this-day?date=9999-12-31",
                "/on-this-day?date=1900-01-01",
                "/analytics?from=1900-01-01&to=2026-03-31&bucket=MONTH"
            })
    void the_window_s_own_edges_are_read(String read) {
        var response = api.get("/journals/" + journal.id + read, journal.owner);

        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/timeline?from=1772359200000",
                "/history?until=1772359200",
                "/progress?asOf=0",
                "/on-this-day?date=20260301",
                "/analytics?from=%5B2026%2C1%2C1%5D"
            })
    void epoch_numbers_and_arrays_are_not_instants_or_days(String read) {
        var response = api.get("/journals/" + journal.id + read, journal.owner);

        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().get("errors").get(0).get("rule").asString()).isEqualTo("type");
    }

    /** A cursor as the timeline makes them, with the instant swapped for one of the caller's choosing. */
    private static String cursor(String instant) {
        String key = instant + "|" + UUID.randomUUID();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private List<String> views() {
        String base = "/journals/" + journal.id;
        return List.of(
                api.get(base, journal.owner).raw(),
                api.get(base + "/timeline", journal.owner).raw(),
                api.get(base + "/progress", journal.owner).raw(),
                api.get(base + "/history", journal.owner).raw(),
                api.get(base + "/analytics", journal.owner).raw());
    }
}
