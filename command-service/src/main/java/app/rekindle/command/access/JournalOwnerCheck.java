package app.rekindle.command.access;

import app.rekindle.command.journal.JournalRejection.JournalNotFound;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses a command on someone else's journal before the journal is loaded. Without this a stranger's
 * command loaded every event of the journal before the aggregate said "not found", while a missing journal
 * failed at the first lookup: the difference in time told a stranger the journal exists. Now both end after
 * the same single indexed read of the journal's first event (who opened it). The aggregate still checks
 * ownership itself; when the first event cannot be read here the check is left to it.
 */
final class JournalOwnerCheck implements HandlerInterceptor {

    private final JournalOwners owners;

    JournalOwnerCheck(JournalOwners owners) {
        this.owners = owners;
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
        return switch (owners.openedBy(journalId, person.getName())) {
            case MISSING, NOT_MINE -> throw new JournalNotFound();
            case MINE, UNREADABLE -> true;
        };
    }
}
