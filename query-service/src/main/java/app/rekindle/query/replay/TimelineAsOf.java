package app.rekindle.query.replay;

import app.rekindle.query.timeline.EntryFields;
import app.rekindle.query.timeline.TimelineCursor;
import app.rekindle.query.timeline.TimelineEntry;
import app.rekindle.query.timeline.TimelineFilter;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * The timeline's filters and keyset paging applied to replayed entries, condition for condition the same as
 * the SQL of {@code TimelineQuery}, so an as-of page and a live page agree on what they show and in which order.
 */
final class TimelineAsOf {

    /** Newest first; ties broken by entry id as PostgreSQL orders uuids (bytewise = lower-case text order). */
    static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator.comparing(TimelineEntry::occurredAt)
            .thenComparing(entry -> entry.entryId().toString()).reversed();

    record Page(List<TimelineEntry> entries, String nextCursor) {
    }

    private TimelineAsOf() {
    }

    static Page page(List<TimelineEntry> entries, TimelineFilter filter) {
        List<TimelineEntry> rows = entries.stream().filter(matching(filter)).sorted(NEWEST_FIRST)
                .limit(filter.limit() + 1L).toList();
        if (rows.size() <= filter.limit()) {
            return new Page(rows, null);
        }
        List<TimelineEntry> page = rows.subList(0, filter.limit());
        TimelineEntry last = page.getLast();
        return new Page(List.copyOf(page), new TimelineCursor(last.occurredAt(), last.entryId()).encode());
    }

    private static Predicate<TimelineEntry> matching(TimelineFilter filter) {
        Predicate<TimelineEntry> matches = entry -> filter.includeRetracted() || !entry.retracted();
        if (filter.step() != null) {
            matches = matches.and(entry -> filter.step().slug().equals(entry.step()));
        }
        if (filter.kind() != null) {
            matches = matches.and(entry -> filter.kind().name().equals(entry.kind()));
        }
        if (filter.from() != null) {
            matches = matches.and(entry -> !entry.occurredAt().isBefore(filter.from()));
        }
        if (filter.to() != null) {
            matches = matches.and(entry -> entry.occurredAt().isBefore(filter.to()));
        }
        if (filter.q() != null) {
            matches = matches.and(entry -> EntryFields.searchText(entry.fields()).contains(filter.q()));
        }
        if (filter.after() != null) {
            TimelineEntry after = new TimelineEntry(filter.after().entryId(), null, null, filter.after().occurredAt(),
                    null, null, 0, false, null, null);
            matches = matches.and(entry -> NEWEST_FIRST.compare(entry, after) > 0);
        }
        return matches;
    }
}
