package app.rekindle.query.live;

import app.rekindle.query.access.ReadGate;
import app.rekindle.query.web.InvalidParameter;
import io.swagger.v3.oas.annotations.Operation;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

@RestController
class LiveController {

    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final LiveStreams streams;
    private final ReadGate gate;

    LiveController(LiveStreams streams, ReadGate gate) {
        this.streams = streams;
        this.gate = gate;
    }

    /**
     * Server-sent events, one per journal event from now on, each with the journal's sequence as its id. A
     * reconnect with {@code Last-Event-ID} first gets every event after that id from the event log.
     */
    @Operation(summary = "Server-sent events as new events land in the views; resumes after Last-Event-ID")
    @GetMapping(
            path = "/journals/{journalId}/live",
            produces = {MediaType.TEXT_EVENT_STREAM_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    ResponseEntity<SseEmitter> live(
            @AuthenticationPrincipal Jwt jwt,
            @PathVariable UUID journalId,
            @RequestHeader(name = LAST_EVENT_ID, required = false) String lastEventId,
            @RequestParam(required = false) Long minVersion) {
        Long after = lastEventId == null ? null : parse(lastEventId);
        return gate.read(
                journalId,
                jwt.getSubject(),
                minVersion,
                access -> streams.open(journalId, after != null ? after : access.version(), jwt.getSubject()));
    }

    private static long parse(String lastEventId) {
        try {
            long after = Long.parseLong(lastEventId.strip());
            if (after >= -1) {
                return after;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter(LAST_EVENT_ID, "format", "must be the id of an event from this stream");
    }
}
