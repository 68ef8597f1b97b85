package app.rekindle.query.replay;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A measuring harness, not a gate: times {@code progress?asOf} and {@code timeline?asOf} over HTTP for a
 * journal of 10,000 entries and prints p50/p99. Run it with
 * {@code ./mvnw -pl query-service -am verify -Drekindle.measure=true -Dtest=AsOfMeasurement -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "rekindle.measure", matches = "true")
class AsOfMeasurement extends QueryServiceTest {

    static final int ENTRIES = 10_000;
    static final int RUNS = 60;

    @Autowired
    Projector projector;
    @LocalServerPort
    int port;

    @Test
    void as_of_reads_of_a_ten_thousand_entry_journal_are_timed() {
        TestJournal journal = new TestJournal("measure-" + UUID.randomUUID());
        apply(journal, journal.opened());
        for (Step step : Step.values()) {
            apply(journal, journal.started(step));
        }
        long loading = System.nanoTime();
        List<UUID> ids = new ArrayList<>();
        Instant middle = null;
        for (int i = 0; i < ENTRIES; i++) {
            JournalEvent.EntryLogged logged = switch (i % 4) {
                case 0 -> journal.checkIn("note " + i);
                case 1 -> journal.conversation("topic " + i);
                case 2 -> journal.gesture("gesture " + i);
                default -> journal.activity("activity " + i);
            };
            apply(journal, logged);
            ids.add(logged.entryId());
            if (i % 20 == 0) {
                apply(journal, journal.amended(logged.entryId(), Map.of("occurredAt", logged.occurredAt().toString()),
                        "same moment, new revision"));
            }
            if (i == ENTRIES / 2) {
                middle = logged.recordedAt();
            }
        }
        System.out.printf("loaded %d entries (%d events) in %d ms%n", ENTRIES, journal.version() + 1,
                (System.nanoTime() - loading) / 1_000_000);
        TestApi api = new TestApi(port);
        String base = "/journals/" + journal.id;
        for (String asOf : List.of(middle.toString(), "2100-01-01T00:00:00Z")) {
            time(api, journal, base + "/progress?asOf=" + asOf);
            time(api, journal, base + "/timeline?asOf=" + asOf);
        }
        time(api, journal, base + "/progress");
        time(api, journal, base + "/timeline");
    }

    private void time(TestApi api, TestJournal journal, String path) {
        long[] millis = new long[RUNS];
        for (int i = -5; i < RUNS; i++) { // five warm-up reads
            long start = System.nanoTime();
            assertThat(api.get(path, journal.owner).status()).isEqualTo(200);
            if (i >= 0) {
                millis[i] = (System.nanoTime() - start) / 1_000_000;
            }
        }
        java.util.Arrays.sort(millis);
        System.out.printf("MEASURE %-70s p50=%d ms p99=%d ms%n", path.replaceAll("/journals/[^/]+", ""),
                millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.99) - 1]);
    }

    private void apply(TestJournal journal, JournalEvent event) {
        projector.apply(journal.publish(event));
    }
}
