package app.rekindle.query.timeline;

import app.rekindle.events.EntryKind;
import app.rekindle.events.Step;
import app.rekindle.query.web.InvalidParameter;
import java.time.Instant;
import java.util.Locale;

/** The timeline's query parameters, checked. {@code to} is exclusive, {@code from} inclusive. */
public record TimelineFilter(
        Step step,
        EntryKind kind,
        Instant from,
        Instant to,
        String q,
        boolean includeRetracted,
        int limit,
        TimelineCursor after) {

    static final int MAX_QUERY_LENGTH = 200;

    public static TimelineFilter of(
            String step,
            EntryKind kind,
            Instant from,
            Instant to,
            String q,
            Boolean includeRetracted,
            Integer limit,
            String cursor) {
        Step parsedStep = step == null
                ? null
                : Step.fromSlug(step)
                        .orElseThrow(() -> new InvalidParameter("step", "enum", "must be one of the six step slugs"));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidParameter("to", "after-from", "must be later than from");
        }
        TimelinePaging paging = TimelinePaging.of(limit, cursor);
        String query = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
        if (query != null && query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidParameter("q", "length", "must be at most " + MAX_QUERY_LENGTH + " characters");
        }
        return new TimelineFilter(
                parsedStep,
                kind,
                from,
                to,
                query,
                Boolean.TRUE.equals(includeRetracted),
                paging.limit(),
                paging.after());
    }
}
