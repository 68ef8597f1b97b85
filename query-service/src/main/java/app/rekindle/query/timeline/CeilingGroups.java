package app.rekindle.query.timeline;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A batch's versions of each journal in groups of up to {@link #SIZE}, in sequence order, each with the latest
 * moment its versions occurred at: one occurred-ceiling row per group, valid from its first version.
 */
final class CeilingGroups {

    /** A timeline page's default length: a walk as of a version passes over at most this many more versions. */
    static final int SIZE = 20;

    /** Compared by identity: each group is its own ceiling row, queued again whenever it rises. */
    static final class Group {
        final long from;
        Instant highest;
        int versions;

        private Group(long from, Instant highest) {
            this.from = from;
            this.highest = highest;
            this.versions = 1;
        }
    }

    private final Map<UUID, Group> open = new HashMap<>();

    /** The version's group, its highest moment raised to the version's. */
    Group add(UUID journalId, long sequence, Instant occurredAt) {
        Group group = open.get(journalId);
        if (group == null || group.versions == SIZE) {
            group = new Group(sequence, occurredAt);
            open.put(journalId, group);
            return group;
        }
        group.versions++;
        if (occurredAt.isAfter(group.highest)) {
            group.highest = occurredAt;
        }
        return group;
    }
}
