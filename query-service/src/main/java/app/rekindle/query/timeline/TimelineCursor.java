package app.rekindle.query.timeline;

import app.rekindle.query.web.InvalidParameter;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** The key of the last entry on a page, opaque to clients so the paging scheme can change. */
public record TimelineCursor(Instant occurredAt, UUID entryId) {

    public String encode() {
        String key = occurredAt + "|" + entryId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static TimelineCursor decode(String cursor) {
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = key.indexOf('|');
            return new TimelineCursor(Instant.parse(key.substring(0, bar)), UUID.fromString(key.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new InvalidParameter("cursor", "format", "is not a cursor returned by this API");
        }
    }
}
