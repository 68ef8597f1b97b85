package app.rekindle.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins the serialized form of every event version: the JSON on Kafka, in exports and in the event store is a
 * public contract, so an accidental change (a renamed field, a new required one) must fail the build. A
 * deliberate change is a new version in {@link EventTypes} plus an upcaster, and a new snapshot file next to
 * the old one, which must keep loading. Regenerate with {@code -Devent-snapshots.write=true}.
 */
class EventSnapshotsTest {

    private static final Path SNAPSHOTS = Path.of("src/test/resources/event-snapshots");

    static List<JournalEvent> events() {
        return SampleEvents.all();
    }

    @ParameterizedTest
    @MethodSource("events")
    void the_current_version_serializes_exactly_as_pinned(JournalEvent event) throws IOException {
        Path snapshot = snapshotOf(EventTypes.of(event));
        String json = JournalEventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(event) + "\n";
        if (Boolean.getBoolean("event-snapshots.write")) {
            Files.writeString(snapshot, json, StandardCharsets.UTF_8);
        }
        assertThat(snapshot)
                .as(
                        "pinned JSON of %s (regenerate with -Devent-snapshots.write=true only for a new " + "version)",
                        EventTypes.of(event))
                .exists();
        assertThat(json).isEqualToIgnoringNewLines(Files.readString(snapshot, StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("events")
    void the_pinned_json_still_loads_into_the_same_event(JournalEvent event) throws IOException {
        EventType type = EventTypes.of(event);
        byte[] pinned = Files.readAllBytes(snapshotOf(type));

        assertThat(JournalEventJson.fromBytes(type.name(), pinned)).isEqualTo(event);
    }

    private static Path snapshotOf(EventType type) {
        return SNAPSHOTS.resolve(type.name() + ".v" + type.version() + ".json");
    }
}
