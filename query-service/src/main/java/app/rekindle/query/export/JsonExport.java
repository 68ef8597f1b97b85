package app.rekindle.query.export;

import app.rekindle.events.JournalEventJson;
import app.rekindle.query.history.EventLog;
import app.rekindle.query.history.LoggedEvent;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The complete event history, each event in a CloudEvents-like envelope: enough to rebuild every view
 * (and, one day, to import the journal elsewhere). The events are embedded as they are stored.
 *
 * <p>Written as it is read, {@value #PAGE} events at a time, so an export holds one page in memory however long
 * the journal is. The log only grows by sequence, so the pages read after the access check are the events up to
 * the version that check saw; if the journal is erased meanwhile a page comes back short and the download is
 * broken off rather than ended as if complete.
 */
final class JsonExport {

    static final String FORMAT = "rekindle.journal-export/1";
    static final int PAGE = 200;

    private JsonExport() {}

    static StreamingResponseBody of(UUID journalId, long version, EventLog log) {
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write("{\"format\":\"" + FORMAT + "\",\"journalId\":\"" + journalId + "\",\"version\":" + version
                    + ",\"events\":[");
            long after = -1;
            while (after < version) {
                List<LoggedEvent> page = log.between(journalId, after, Math.min(after + PAGE, version));
                if (page.isEmpty()) {
                    throw new IOException("the journal changed while it was exported");
                }
                for (LoggedEvent event : page) {
                    if (event.sequence() != after + 1) {
                        throw new IOException("the journal changed while it was exported");
                    }
                    if (after >= 0) {
                        writer.write(',');
                    }
                    writer.write(JournalEventJson.mapper().writeValueAsString(envelope(event)));
                    after = event.sequence();
                }
            }
            writer.write("]}");
            writer.flush();
        };
    }

    private static Map<String, Object> envelope(LoggedEvent event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("id", event.eventId());
        envelope.put("type", event.type());
        envelope.put("version", event.schemaVersion());
        envelope.put("sequence", event.sequence());
        envelope.put("time", event.recordedAt().toString());
        envelope.put("event", JournalEventJson.mapper().readTree(event.event()));
        return envelope;
    }
}
