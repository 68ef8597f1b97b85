package app.rekindle.query.history;

import app.rekindle.query.web.InvalidParameter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The history's parameters, checked. {@code from} and {@code until} bound the recording time and are both
 * inclusive, so {@code until=T} lists exactly the events an as-of read at T replays.
 */
record HistoryRequest(Instant from, Instant until, int limit, long afterSequence) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final String PREFIX = "after:";

    static HistoryRequest of(Instant from, Instant until, Integer limit, String cursor) {
        if (from != null && until != null && until.isBefore(from)) {
            throw new InvalidParameter("until", "not-before-from", "must not be earlier than from");
        }
        int checkedLimit = limit == null ? DEFAULT_LIMIT : limit;
        if (checkedLimit < 1 || checkedLimit > MAX_LIMIT) {
            throw new InvalidParameter("limit", "range", "must be between 1 and " + MAX_LIMIT);
        }
        return new HistoryRequest(from, until, checkedLimit, cursor == null ? -1 : decode(cursor));
    }

    /** Opaque to clients so the paging key can change; today it is the last sequence on the page. */
    static String encode(long sequence) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((PREFIX + sequence).getBytes(StandardCharsets.UTF_8));
    }

    private static long decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!key.startsWith(PREFIX)) {
                throw new IllegalArgumentException();
            }
            return Long.parseLong(key.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new InvalidParameter("cursor", "format", "is not a cursor returned by this API");
        }
    }
}
