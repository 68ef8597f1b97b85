package app.rekindle.query.nudges;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.ConversationChannel;
import app.rekindle.events.ConversationOutcome;
import app.rekindle.events.DateKind;
import app.rekindle.events.Initiator;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.*;
import app.rekindle.events.PublishedEvent;
import app.rekindle.events.Step;
import app.rekindle.events.Whose;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.projection.Projector;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The rules over journals written through the projection, read as the nudges endpoint reads them. */
class NudgeRulesTest extends QueryServiceTest {

    static final Instant NOW = Instant.parse("2026-06-30T12:00:00Z");
    static final NudgeProperties DEFAULTS =
            new NudgeProperties(Duration.ofDays(10), Duration.ofDays(21), Duration.ofDays(30), 0.75);

    @Autowired
    Projector projector;

    @Autowired
    NudgeJournals journals;

    final UUID journal = UUID.randomUUID();
    final List<JournalEvent> events = new ArrayList<>();

    @Test
    void a_quiet_one_sided_journal_with_an_open_past_date_gets_every_nudge() {
        add(new JournalOpened(journal, "alice", "Sam", "Back", "Europe/Berlin", ago(60), ago(60)));
        add(new StepStarted(journal, Step.REFLECT_ON_THE_PAST, ago(25), ago(25)));
        add(new StepStarted(journal, Step.COMMUNICATE_OPENLY, ago(30), ago(30)));
        add(talk(ago(12)));
        add(new StepStarted(journal, Step.GIVE_EACH_OTHER_SPACE, ago(5), ago(5)));
        add(new PersonalTimeTaken(journal, UUID.randomUUID(), Whose.MINE, "Running", 200, ago(5), ago(5)));
        add(new PersonalTimeTaken(journal, UUID.randomUUID(), Whose.PARTNERS, "Choir", 20, ago(4), ago(4)));
        add(new PersonalTimeTaken(
                journal, UUID.randomUUID(), Whose.PARTNERS, "Old, outside the window", 900, ago(45), ago(45)));
        add(new StepStarted(journal, Step.REKINDLE_ROMANCE, ago(9), ago(9)));
        var open = new DatePlanned(journal, UUID.randomUUID(), ago(3), "Picnic", DateKind.CLASSIC, ago(9), ago(9));
        var happened = new DatePlanned(journal, UUID.randomUUID(), ago(4), "Cinema", DateKind.CLASSIC, ago(9), ago(9));
        var future = new DatePlanned(
                journal, UUID.randomUUID(), NOW.plus(Duration.ofDays(3)), "Hike", DateKind.CLASSIC, ago(9), ago(9));
        add(open);
        add(happened);
        add(future);
        add(new DateHappened(journal, happened.entryId(), 4, "Fun", ago(3), ago(3)));

        List<Nudge> nudges = NudgeRules.at(NOW, journal(DEFAULTS), DEFAULTS);

        assertThat(nudges)
                .extracting(Nudge::kind)
                .containsExactly(
                        Nudge.Kind.NO_RECENT_CONVERSATION,
                        Nudge.Kind.STEP_STALLED,
                        Nudge.Kind.PERSONAL_TIME_ONE_SIDED,
                        Nudge.Kind.DATE_UNRESOLVED);
        assertThat(nudges.get(0).since()).isEqualTo(ago(12));
        assertThat(nudges.get(1).step()).isEqualTo("reflect-on-the-past");
        assertThat(nudges.get(2).message()).startsWith("91% ").contains("you.");
        assertThat(nudges.get(3).entryId()).isEqualTo(open.entryId());
    }

    @Test
    void thresholds_come_from_configuration() {
        add(new JournalOpened(journal, "alice", "Sam", "Back", "Europe/Berlin", ago(60), ago(60)));
        add(new StepStarted(journal, Step.COMMUNICATE_OPENLY, ago(30), ago(30)));
        add(talk(ago(12)));
        add(new PersonalTimeTaken(journal, UUID.randomUUID(), Whose.MINE, "Running", 70, ago(5), ago(5)));
        add(new PersonalTimeTaken(journal, UUID.randomUUID(), Whose.PARTNERS, "Choir", 30, ago(4), ago(4)));

        var patient = new NudgeProperties(Duration.ofDays(14), Duration.ofDays(21), Duration.ofDays(30), 0.75);
        var strict = new NudgeProperties(Duration.ofDays(7), Duration.ofDays(10), Duration.ofDays(30), 0.6);

        assertThat(NudgeRules.at(NOW, journal(patient), patient)).isEmpty();
        assertThat(NudgeRules.at(NOW, journal(strict), strict))
                .extracting(Nudge::kind)
                .containsExactly(
                        Nudge.Kind.NO_RECENT_CONVERSATION, Nudge.Kind.STEP_STALLED, Nudge.Kind.PERSONAL_TIME_ONE_SIDED);
    }

    @Test
    void a_new_journal_with_nothing_yet_is_left_alone() {
        add(new JournalOpened(journal, "alice", "Sam", "Back", "Europe/Berlin", ago(2), ago(2)));

        assertThat(NudgeRules.at(NOW, journal(DEFAULTS), DEFAULTS)).isEmpty();
    }

    private ConversationLogged talk(Instant at) {
        return new ConversationLogged(
                journal,
                UUID.randomUUID(),
                "Plans",
                Initiator.ME,
                30,
                4,
                4,
                ConversationOutcome.RESOLVED,
                ConversationChannel.MESSAGES,
                "ok",
                at,
                at);
    }

    private static Instant ago(int days) {
        return NOW.minus(Duration.ofDays(days));
    }

    private void add(JournalEvent event) {
        events.add(event);
    }

    private NudgeRules.Journal journal(NudgeProperties limits) {
        for (int i = 0; i < events.size(); i++) {
            assertThat(projector.apply(PublishedEvent.of(UUID.randomUUID().toString(), i, events.get(i))))
                    .isEqualTo(Projector.Outcome.APPLIED);
        }
        events.clear(); // applied once, however often the journal is read
        return journals.at(journal, NOW, limits);
    }
}
