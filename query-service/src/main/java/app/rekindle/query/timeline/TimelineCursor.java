package app.rekindle.query.timeline;

import app.rekindle.query.web.InvalidParameter;
import app.rekindle.query.web.ReadWindow;
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

    /** A cursor is opaque, not trusted: a tampered one naming an instant outside the read window is a 400 too. */
    static TimelineCursor decode(String cursor) {
        TimelineCursor decoded;
        try {
            String key = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = key.indexOf('|');
            decoded = new TimelineCursor(Instant.parse(key.substring(0, bar)), UUID.fromString(key.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw new InvalidParameter("cursor", "format", "is not a cursor returned by this API");
        }
        ReadWindow.instant("cursor", decoded.occurredAt());
        return decoded;
    }
}
