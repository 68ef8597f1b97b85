package app.rekindle.command.web;

import app.rekindle.command.journal.JournalNotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import tools.jackson.databind.json.JsonMapper;

import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Refuses a command on someone else's journal before the journal is loaded. Without this a stranger's
 * command loaded every event of the journal before the aggregate said "not found", while a missing journal
 * failed at the first lookup: the difference in time told a stranger the journal exists. Now both end after
 * the same single indexed read of the journal's first event (who opened it). The aggregate still checks
 * ownership itself; when the first event cannot be read here the check is left to it.
 */
final class JournalOwnerCheck implements HandlerInterceptor {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    JournalOwnerCheck(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        Principal person = request.getUserPrincipal();
        if (!(variables instanceof Map<?, ?> path) || !(path.get("journalId") instanceof String id) || person == null) {
            return true;
        }
        UUID journalId;
        try {
            journalId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            return true; // answered 400 naming journalId by the usual binding
        }
        Optional<byte[]> opened = jdbc.sql("SELECT payload FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND sequence_number = 0")
                .param(journalId.toString()).query(byte[].class).optional();
        if (opened.isEmpty()) {
            throw new JournalNotFound();
        }
        String owner = ownerOf(opened.get());
        if (owner != null && !owner.equals(person.getName())) {
            throw new JournalNotFound();
        }
        return true;
    }

    private String ownerOf(byte[] payload) {
        try {
            var ownerId = json.readTree(payload).path("ownerId");
            return ownerId.isString() ? ownerId.asString() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
