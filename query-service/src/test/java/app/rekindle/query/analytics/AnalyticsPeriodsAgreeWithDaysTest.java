package app.rekindle.query.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.JournalEvent;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Incoming;
import app.rekindle.query.projection.Projector;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The week and month totals the projection keeps answer exactly as adding up the day totals does, for ranges
 * that cut periods at either end, hold them whole, fall inside one, or stay open; streaks from the runs of days
 * agree with streaks from the days. The journal is projected in batches, so a period changed several times in
 * one batch is written once.
 */
class AnalyticsPeriodsAgreeWithDaysTest extends QueryServiceTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    Projector projector;

    @Autowired
    AnalyticsDays days;

    @Test
    void periods_answer_every_range_exactly_as_their_days_do() {
        TestJournal journal = new TestJournal("periods-" + UUID.randomUUID());
        List<JournalEvent> events = new ArrayList<>();
        RandomJournal.write(journal, new Random(11), events::add);
        for (int from = 0; from < events.size(); from += 25) {
            List<Incoming> batch = events.subList(from, Math.min(events.size(), from + 25)).stream()
                    .map(event -> Incoming.direct(journal.publish(event)))
                    .toList();
            assertThat(projector.applyAllUncounted(batch).outcomes()).containsOnly(Projector.Outcome.APPLIED);
        }
        var header = new AnalyticsCalculator.Header(journal.id, journal.version(), false);
        var allDays = days.days(journal.id, null, null);
        assertThat(allDays).hasSizeGreaterThan(40);

        List<LocalDate[]> ranges = List.of(
                new LocalDate[] {null, null},
                new LocalDate[] {null, day("2026-02-18")}, // a Wednesday
                new LocalDate[] {null, day("2026-02-22")}, // the last day of its week
                new LocalDate[] {null, day("2026-02-28")}, // the last day of its month
                new LocalDate[] {day("2026-01-14"), day("2026-03-10")},
                new LocalDate[] {day("2026-02-02"), day("2026-02-08")}, // one whole week
                new LocalDate[] {day("2026-02-04"), day("2026-02-06")}, // inside one week
                new LocalDate[] {day("2026-01-28"), day("2026-02-03")}, // across a month's end
                new LocalDate[] {day("2026-02-01"), null},
                new LocalDate[] {day("2026-01-20"), null});
        for (LocalDate today : List.of(day("2026-02-20"), day("2026-09-01"))) {
            for (Bucket bucket : Bucket.values()) {
                for (LocalDate[] range : ranges) {
                    var asked = new AnalyticsCalculator.Range(range[0], range[1], bucket, today);

                    assertThat(AnalyticsCalculator.ofPeriods(
                                    header,
                                    days.periods(journal.id, asked),
                                    days.runs(journal.id, range[0], range[1]),
                                    BERLIN,
                                    asked))
                            .as("%s to %s by %s, today %s", range[0], range[1], bucket, today)
                            .isEqualTo(AnalyticsCalculator.compute(header, allDays, BERLIN, asked));
                }
            }
        }
    }

    private static LocalDate day(String day) {
        return LocalDate.parse(day);
    }
}
