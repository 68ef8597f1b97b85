package app.rekindle.query.readcost;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent;
import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A measuring harness, not a gate: times each read of a journal over HTTP at two journal lengths (1,000 and
 * 20,000 entries, or {@code -Drekindle.measure.sizes=...}) and prints p50 per read beside the timeline's first
 * page. Run it with {@code ./mvnw -pl query-service -am verify -Drekindle.measure=true -Dtest=ReadCostMeasurement
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "rekindle.measure", matches = "true")
class ReadCostMeasurement extends QueryServiceTest {

    static final int RUNS = 60;

    @Autowired
    Projector projector;

    @LocalServerPort
    int port;

    @Test
    void reads_are_timed_at_two_journal_lengths() {
        for (String size :
                System.getProperty("rekindle.measure.sizes", "1000,20000").split(",")) {
            measure(Integer.parseInt(size))
                    .forEach((read, p50) ->
                            System.out.printf("MEASURE entries=%-6s %-28s p50=%7.2f ms%n", size, read, p50));
        }
    }

    private Map<String, Double> measure(int entries) {
        TestJournal journal = new TestJournal("measure-" + UUID.randomUUID());
        apply(journal, journal.opened());
        for (Step step : Step.values()) {
            apply(journal, journal.started(step));
        }
        Instant recent = null;
        Instant middle = null;
        Instant last = null;
        for (int i = 0; i < entries; i++) {
            JournalEvent.EntryLogged logged =
                    switch (i % 5) {
                        case 0 -> journal.checkIn("note " + i);
                        case 1 -> journal.conversation("topic " + i);
                        case 2 -> journal.gesture("gesture " + i);
                        case 3 -> journal.personalTime("pursuit " + i);
                        default -> journal.activity("activity " + i);
                    };
            apply(journal, logged);
            if (i % 20 == 0) {
                apply(
                        journal,
                        journal.amended(
                                logged.entryId(),
                                Map.of("occurredAt", logged.occurredAt().toString()),
                                "same moment, new revision"));
            }
            if (i == entries / 2) {
                middle = logged.recordedAt();
            }
            if (i == entries - 100) {
                recent = logged.recordedAt();
            }
            last = logged.occurredAt();
        }
        TestApi api = new TestApi(port);
        String base = "/journals/" + journal.id;
        Map<String, Double> p50 = new LinkedHashMap<>();
        p50.put("timeline first page", time(api, journal, base + "/timeline"));
        p50.put("analytics (open range)", time(api, journal, base + "/analytics"));
        LocalDate lastDay = last.atZone(ZoneId.of("Europe/Berlin")).toLocalDate();
        // What the dashboard asks: no from, to = today (here the journal's last day), by week and by month.
        p50.put("analytics (to today, WEEK)", time(api, journal, base + "/analytics?to=" + lastDay));
        p50.put("analytics (to today, MONTH)", time(api, journal, base + "/analytics?bucket=MONTH&to=" + lastDay));
        p50.put(
                "analytics (last 12 weeks)",
                time(api, journal, base + "/analytics?from=" + lastDay.minusWeeks(12) + "&to=" + lastDay));
        p50.put("nudges", time(api, journal, base + "/nudges"));
        p50.put("on-this-day", time(api, journal, base + "/on-this-day"));
        for (var asOf : List.of(Map.entry("recent", recent), Map.entry("middle", middle))) {
            p50.put("progress?asOf " + asOf.getKey(), time(api, journal, base + "/progress?asOf=" + asOf.getValue()));
            p50.put("timeline?asOf " + asOf.getKey(), time(api, journal, base + "/timeline?asOf=" + asOf.getValue()));
        }
        return p50;
    }

    private double time(TestApi api, TestJournal journal, String path) {
        long[] nanos = new long[RUNS];
        for (int i = -5; i < RUNS; i++) { // five warm-up reads
            long start = System.nanoTime();
            assertThat(api.get(path, journal.owner).status()).isEqualTo(200);
            if (i >= 0) {
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        return nanos[RUNS / 2] / 1e6;
    }

    private void apply(TestJournal journal, JournalEvent event) {
        projector.apply(journal.publish(event));
    }
}
