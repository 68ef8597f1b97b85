package app.rekindle.benchmark.crud;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code POST /journals/{journalId}/check-ins} with Rekindle's body and rules, answered 201 with the new entry's
 * id: the event row (JSON payload, the caller in its metadata) is inserted in autocommit, one durable commit.
 */
@RestController
class CheckInController {

    // The next sequence number of the journal in the same statement, as an event store's append knows it.
    private static final String INSERT = """
            insert into bench.crud_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload_revision, payload, meta_data)
            select ?, ?, coalesce(max(sequence_number) + 1, 0), 'Journal', ?, 'CheckedIn', null, ?, ?
            from bench.crud_event_entry where aggregate_identifier = ?""";

    /** Rekindle's check-in body and its rules (command-service's {@code EntryRequests.CheckIn}). */
    record CheckIn(
            @NotNull @Min(1) @Max(5) Integer mood,
            @NotNull @Min(1) @Max(5) Integer connection,
            @Size(max = 4000) String note,
            Instant occurredAt) {}

    record CheckedIn(UUID journalId, UUID entryId, int mood, int connection, String note, Instant occurredAt) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    CheckInController(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @PostMapping("/journals/{journalId}/check-ins")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> checkIn(
            @PathVariable UUID journalId, @Valid @RequestBody CheckIn body, @AuthenticationPrincipal Jwt caller) {
        UUID entryId = UUID.randomUUID();
        Instant now = Instant.now();
        CheckedIn event = new CheckedIn(
                journalId,
                entryId,
                body.mood(),
                body.connection(),
                body.note(),
                body.occurredAt() == null ? now : body.occurredAt());
        jdbc.update(
                INSERT,
                UUID.randomUUID().toString(),
                journalId.toString(),
                now.toString(),
                json.writeValueAsBytes(event),
                json.writeValueAsBytes(Map.of("userId", caller.getSubject())),
                journalId.toString());
        return Map.of("journalId", journalId, "entryId", entryId);
    }
}
