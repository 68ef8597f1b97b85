package app.rekindle.command.journal;

import app.rekindle.command.journal.JournalEntries.Entry;
import app.rekindle.events.EntryKind;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.util.StdConverter;

/**
 * How a journal's entries are written into its snapshot: a list of {@code [id, kind, retracted, resolved]}
 * arrays. As a JSON object keyed by entry id, every id became a property name, and Jackson adds each property
 * name it reads to a shared symbol table; a snapshot of a long journal flooded that table, and making it took
 * 40% of the command service's CPU on a journal of 20,000 entries. Format 2 of the journal's snapshot
 * ({@code @Revision} on {@link Journal}); snapshots in the old format are skipped, and the journal is then
 * loaded from its events.
 */
final class SnapshotEntries {

    @JsonFormat(shape = JsonFormat.Shape.ARRAY)
    record Row(UUID id, EntryKind kind, boolean retracted, boolean resolved) {}

    private SnapshotEntries() {}

    static final class ToList extends StdConverter<Map<UUID, Entry>, List<Row>> {
        @Override
        public List<Row> convert(Map<UUID, Entry> byId) {
            List<Row> rows = new ArrayList<>(byId.size());
            byId.forEach((id, entry) -> rows.add(new Row(id, entry.kind(), entry.retracted(), entry.resolved())));
            return rows;
        }
    }

    static final class ToMap extends StdConverter<List<Row>, Map<UUID, Entry>> {
        @Override
        public Map<UUID, Entry> convert(List<Row> rows) {
            Map<UUID, Entry> byId = HashMap.newHashMap(rows.size());
            for (Row row : rows) {
                byId.put(row.id(), new Entry(row.kind(), row.retracted(), row.resolved()));
            }
            return byId;
        }
    }
}
