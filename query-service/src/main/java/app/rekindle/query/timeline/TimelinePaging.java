package app.rekindle.query.timeline;

import app.rekindle.query.web.InvalidParameter;

/**
 * The timeline's paging, checked: {@code limit} entries newest first, after {@code cursor}. Every read that
 * pages entries newest first (the timeline, on-this-day) takes the same two parameters with the same bounds.
 *
 * @param after the key of the previous page's last entry; null for the first page
 */
public record TimelinePaging(int limit, TimelineCursor after) {

    static final int DEFAULT_LIMIT = 20;
    static final int MAX_LIMIT = 100;

    public static TimelinePaging of(Integer limit, String cursor) {
        int checkedLimit = limit == null ? DEFAULT_LIMIT : limit;
        if (checkedLimit < 1 || checkedLimit > MAX_LIMIT) {
            throw new InvalidParameter("limit", "range", "must be between 1 and " + MAX_LIMIT);
        }
        return new TimelinePaging(checkedLimit, cursor == null ? null : TimelineCursor.decode(cursor));
    }
}
