package app.rekindle.query.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.EntryKind;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.EntryLogged;
import app.rekindle.events.Step;
import app.rekindle.query.QueryServiceTest;
import app.rekindle.query.TestApi;
import app.rekindle.query.TestJournal;
import app.rekindle.query.projection.Projector;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

class TimelineProjectionTest extends QueryServiceTest {

    @LocalServerPort
    int port;

    @Autowired
    Projector projector;

    @Autowired
    TimelineQuery timeline;

    @Test
    void every_kind_of_entry_lands_on_the_timeline_with_its_fields() {
        TestJournal journal = opened();
        var reflection = log(journal, journal.reflection("We drifted"));
        var conversation = log(journal, journal.conversation("Holidays"));
        var gesture = log(journal, journal.gesture("Asked about the pitch"));
        var date = log(journal, journal.date("Picnic", Instant.parse("2026-04-01T18:00:00Z")));
        var activity = log(journal, journal.activity("Board games"));
        var personal = log(journal, journal.personalTime("Climbing"));
        var checkIn = log(journal, journal.checkIn("Better week"));

        Map<UUID, TimelineEntry> entries = byId(page(journal, filter(null, null, null, null, null, null, 100, null)));

        assertThat(entries).hasSize(7);
        assertThat(entries.get(reflection.entryId()).fields())
                .containsEntry("text", "We drifted")
                .containsEntry("occurredOn", "2026-02-20");
        assertThat(entries.get(conversation.entryId()).fields())
                .containsEntry("topic", "Holidays")
                .containsEntry("initiatedBy", "ME")
                .containsEntry("feltHeard", 4)
                .containsEntry("outcome", "PARTLY_RESOLVED");
        assertThat(entries.get(gesture.entryId()).fields()).containsEntry("gesture", "ASKED_ABOUT_DAY");
        TimelineEntry dateEntry = entries.get(date.entryId());
        assertThat(dateEntry.fields()).containsEntry("idea", "Picnic").containsEntry("status", "PLANNED");
        assertThat(dateEntry.occurredAt()).isEqualTo(Instant.parse("2026-04-01T18:00:00Z"));
        assertThat(dateEntry.step()).isEqualTo("rekindle-romance");
        assertThat(entries.get(activity.entryId()).fields()).containsEntry("laughedTogether", true);
        assertThat(entries.get(personal.entryId()).fields())
                .containsEntry("whose", "PARTNERS")
                .containsEntry("minutes", 120);
        TimelineEntry checkInEntry = entries.get(checkIn.entryId());
        assertThat(checkInEntry.kind()).isEqualTo("CHECK_IN");
        assertThat(checkInEntry.step()).isNull();
        assertThat(checkInEntry.fields()).containsEntry("mood", 3).doesNotContainKeys("journalId", "entryId");
    }

    @Test
    void a_date_records_whether_it_happened_or_was_cancelled() {
        TestJournal journal = opened();
        var happens = log(journal, journal.date("Picnic", Instant.parse("2026-04-01T18:00:00Z")));
        var cancelled = log(journal, journal.date("Cinema", Instant.parse("2026-04-08T18:00:00Z")));
        projector.apply(journal.publish(journal.happened(happens.entryId(), 5, "Sunset")));
        projector.apply(journal.publish(journal.cancelled(cancelled.entryId(), "Rain")));

        assertThat(timeline.entry(journal.id, happens.entryId()).orElseThrow().fields())
                .containsEntry("status", "HAPPENED")
                .containsEntry("rating", 5)
                .containsEntry("memory", "Sunset");
        assertThat(timeline.entry(journal.id, cancelled.entryId()).orElseThrow().fields())
                .containsEntry("status", "CANCELLED")
                .containsEntry("cancelReason", "Rain");
    }

    @Test
    void an_amendment_changes_the_entry_and_keeps_its_history() {
        TestJournal journal = opened();
        var conversation = log(journal, journal.conversation("Holidays"));
        Instant movedTo = Instant.parse("2026-01-15T09:00:00Z");
        projector.apply(journal.publish(
                journal.amended(conversation.entryId(), Map.of("topic", "Summer holidays", "feltHeard", 5), "typo")));
        projector.apply(journal.publish(
                journal.amended(conversation.entryId(), Map.of("occurredAt", movedTo.toString()), "wrong day")));

        TimelineEntry entry = timeline.entry(journal.id, conversation.entryId()).orElseThrow();
        assertThat(entry.revision()).isEqualTo(3);
        assertThat(entry.occurredAt()).isEqualTo(movedTo);
        assertThat(entry.fields())
                .containsEntry("topic", "Summer holidays")
                .containsEntry("feltHeard", 5)
                .containsEntry("listenedWell", 5);
        List<EntryRevision> revisions = timeline.revisions(journal.id, conversation.entryId());
        assertThat(revisions).extracting(EntryRevision::revision).containsExactly(1, 2, 3);
        assertThat(revisions.get(0).fields()).containsEntry("topic", "Holidays").containsEntry("feltHeard", 4);
        assertThat(revisions.get(0).changes()).isEmpty();
        assertThat(revisions.get(1).changes()).isEqualTo(Map.of("topic", "Summer holidays", "feltHeard", 5));
        assertThat(revisions.get(1).reason()).isEqualTo("typo");
        assertThat(revisions.get(2).sequence()).isEqualTo(journal.version());
        assertThat(page(journal, filter(null, null, null, Instant.parse("2026-02-01T00:00:00Z"), null, null, 10, null)))
                .extracting(TimelineEntry::entryId)
                .containsExactly(conversation.entryId());
        assertThat(page(journal, filter(null, null, null, null, "summer", null, 10, null)))
                .extracting(TimelineEntry::entryId)
                .containsExactly(conversation.entryId());
    }

    @Test
    void a_retracted_entry_is_hidden_unless_asked_for() {
        TestJournal journal = opened();
        var kept = log(journal, journal.gesture("Flowers"));
        var retracted = log(journal, journal.gesture("Logged twice"));
        projector.apply(journal.publish(journal.retracted(retracted.entryId(), "duplicate")));

        assertThat(page(journal, filter(null, null, null, null, null, null, 10, null)))
                .extracting(TimelineEntry::entryId)
                .containsExactly(kept.entryId());
        List<TimelineEntry> all = page(journal, filter(null, null, null, null, null, true, 10, null));
        assertThat(all)
                .extracting(TimelineEntry::entryId)
                .containsExactlyInAnyOrder(kept.entryId(), retracted.entryId());
        TimelineEntry hidden = timeline.entry(journal.id, retracted.entryId()).orElseThrow();
        assertThat(hidden.retracted()).isTrue();
        assertThat(hidden.retractionReason()).isEqualTo("duplicate");
    }

    @Test
    void keyset_pages_walk_the_whole_timeline_without_repeats_or_holes() {
        TestJournal journal = opened();
        List<UUID> logged = new java.util.ArrayList<>();
        for (int i = 0; i < 23; i++) {
            logged.add(log(journal, i % 2 == 0 ? journal.checkIn("note " + i) : journal.gesture("gesture " + i))
                    .entryId());
        }
        // Two entries at the very same moment: the entry id breaks the tie.
        Instant same = Instant.parse("2026-03-02T12:00:00Z");
        logged.add(log(journal, new JournalEvent.CheckedIn(journal.id, UUID.randomUUID(), 2, 2, "tie a", same, same))
                .entryId());
        logged.add(log(journal, new JournalEvent.CheckedIn(journal.id, UUID.randomUUID(), 2, 2, "tie b", same, same))
                .entryId());

        List<TimelineEntry> walked = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TimelineQuery.Page page =
                    timeline.page(journal.id, filter(null, null, null, null, null, null, 4, cursor), null);
            walked.addAll(page.entries());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(7);
        assertThat(walked)
                .extracting(TimelineEntry::entryId)
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(logged);
        assertThat(walked).isSortedAccordingTo((a, b) -> {
            int byTime = b.occurredAt().compareTo(a.occurredAt());
            // PostgreSQL orders uuids bytewise, which is the order of their lower-case text.
            return byTime != 0
                    ? byTime
                    : b.entryId().toString().compareTo(a.entryId().toString());
        });
    }

    @Test
    void filters_narrow_the_timeline_by_step_kind_time_and_text() {
        TestJournal journal = opened();
        var early = log(journal, journal.gesture("Asked about the pitch"));
        var conversation = log(journal, journal.conversation("Money worries"));
        var checkIn = log(journal, journal.checkIn("Calmer after the PITCH talk"));

        assertThat(ids(journal, filter("show-genuine-interest", null, null, null, null, null, 10, null)))
                .containsExactly(early.entryId());
        assertThat(ids(journal, filter(null, EntryKind.CHECK_IN, null, null, null, null, 10, null)))
                .containsExactly(checkIn.entryId());
        assertThat(ids(journal, filter(null, null, conversation.occurredAt(), null, null, null, 10, null)))
                .containsExactly(checkIn.entryId(), conversation.entryId());
        assertThat(ids(journal, filter(null, null, null, conversation.occurredAt(), null, null, 10, null)))
                .containsExactly(early.entryId());
        assertThat(ids(journal, filter(null, null, null, null, "Pitch", null, 10, null)))
                .containsExactly(checkIn.entryId(), early.entryId());
        assertThat(ids(journal, filter(null, null, null, null, "nothing like this", null, 10, null)))
                .isEmpty();
    }

    private TestJournal opened() {
        TestJournal journal = new TestJournal("alice-" + UUID.randomUUID());
        projector.apply(journal.publish(journal.opened()));
        for (Step step : Step.values()) {
            projector.apply(journal.publish(journal.started(step)));
        }
        return journal;
    }

    @Test
    void a_page_comes_with_the_journals_version_and_only_to_its_owner() {
        TestJournal journal = opened();
        log(journal, journal.checkIn("One"));
        TimelineFilter all = filter(null, null, null, null, null, null, 10, null);

        TestApi api = new TestApi(port);
        String path = "/journals/" + journal.id + "/timeline";

        JsonNode visible = api.get(path, journal.owner).body();
        assertThat(visible.get("version").asLong()).isEqualTo(journal.version());
        assertThat(visible.get("entries")).hasSize(1);
        JsonNode noMatch = api.get(path + "?kind=DATE", journal.owner).body();
        assertThat(noMatch.get("version").asLong()).isEqualTo(journal.version());
        assertThat(noMatch.get("entries")).isEmpty();
        assertThat(noMatch.get("nextCursor").isNull()).isTrue();

        assertThat(api.get(path, "someone-else").status()).isEqualTo(404);
        assertThat(api.get("/journals/" + UUID.randomUUID() + "/timeline", journal.owner)
                        .status())
                .isEqualTo(404);
        projector.apply(journal.publish(journal.erased()));
        assertThat(api.get(path, journal.owner).status()).isEqualTo(404);
    }

    private <E extends EntryLogged> E log(TestJournal journal, E event) {
        assertThat(projector.apply(journal.publish(event))).isEqualTo(Projector.Outcome.APPLIED);
        return event;
    }

    private static TimelineFilter filter(
            String step,
            EntryKind kind,
            Instant from,
            Instant to,
            String q,
            Boolean includeRetracted,
            int limit,
            String cursor) {
        return TimelineFilter.of(step, kind, from, to, q, includeRetracted, limit, cursor);
    }

    private List<TimelineEntry> page(TestJournal journal, TimelineFilter filter) {
        return timeline.page(journal.id, filter, null).entries();
    }

    private List<UUID> ids(TestJournal journal, TimelineFilter filter) {
        return page(journal, filter).stream().map(TimelineEntry::entryId).toList();
    }

    private static Map<UUID, TimelineEntry> byId(List<TimelineEntry> entries) {
        return entries.stream().collect(java.util.stream.Collectors.toMap(TimelineEntry::entryId, e -> e));
    }
}
