package app.rekindle.command;

import static java.util.Map.entry;

import app.rekindle.support.testing.TableOwnershipContract;
import java.util.Map;
import java.util.Set;

/** Each of the command service's tables is named in SQL by its owning package only. */
class TableOwnershipTest extends TableOwnershipContract {

    /** THE table → owner map: change it here when a table is added or its owner moves. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            entry("domain_event_entry", "eventstore"),
            entry("snapshot_event_entry", "eventstore"),
            entry("token_entry", "eventstore"),
            entry("idempotency_record", "idempotency"),
            entry("journal_key", "keys"),
            entry("parked_event", "parking"),
            entry("erased_owner", "erasure"));

    private static final Set<String> KNOWN_EXCEPTIONS = Set.of();

    @Override
    protected String rootPackage() {
        return "app.rekindle.command";
    }

    @Override
    protected Map<String, String> owners() {
        return OWNERS;
    }

    @Override
    protected Set<String> knownExceptions() {
        return KNOWN_EXCEPTIONS;
    }
}
