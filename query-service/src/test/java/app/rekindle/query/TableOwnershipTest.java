package app.rekindle.query;

import static java.util.Map.entry;

import app.rekindle.support.testing.TableOwnershipContract;
import java.util.Map;
import java.util.Set;

/** Each of the query service's tables is named in SQL by its owning package only. */
class TableOwnershipTest extends TableOwnershipContract {

    /** THE table → owner map: change it here when a table is added or its owner moves. */
    private static final Map<String, String> OWNERS = Map.ofEntries(
            // Exactly-once projection: positions, gaps and the events it parks.
            entry("journal_position", "projection"),
            entry("projection_gap", "projection"),
            entry("accepted_gap", "projection"),
            entry("dead_letter", "projection"),
            entry("journal_view", "journals"),
            entry("timeline_entry", "timeline"),
            entry("timeline_entry_revision", "timeline"),
            entry("timeline_entry_version", "timeline"),
            entry("timeline_occurred_ceiling", "timeline"),
            entry("step_progress", "progress"),
            entry("step_progress_version", "progress"),
            entry("step_entry", "progress"),
            entry("analytics_day_total", "analytics"),
            entry("analytics_period_total", "analytics"),
            entry("on_this_day_entry", "onthisday"),
            entry("journal_event", "history"));

    /**
     * Reads that join another package's table in the same statement, on purpose: each answers from one snapshot
     * in one round trip, on a path every read (or every journal list, live stream, rebuild) takes. They only read;
     * every write stays with the owner.
     */
    private static final Set<String> KNOWN_EXCEPTIONS = Set.of(
            // The access check: who owns the journal (journals) and how far its views are (projection), at once.
            "access/ReadGate.java journal_position",
            "access/ReadGate.java journal_view",
            // The journal list: each journal's version and step counts beside its summary, one page, one query.
            "journals/JournalsQuery.java journal_position",
            "journals/JournalsQuery.java step_progress",
            // A rebuild carries the erased journals' positions into the shadow schema it swaps in.
            "rebuild/ShadowSchema.java journal_position",
            // A live stream ends when its journal is erased.
            "live/LiveStreams.java journal_position");

    @Override
    protected String rootPackage() {
        return "app.rekindle.query";
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
