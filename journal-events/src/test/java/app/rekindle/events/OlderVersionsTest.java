package app.rekindle.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Old versions never stop loading: every pinned snapshot of a version older than the current one is upcast and
 * read into the event it stands for, through the same path Kafka records and stored events take.
 */
class OlderVersionsTest {

    private static final Path SNAPSHOTS = Path.of("src/test/resources/event-snapshots");
    private static final Pattern FILE = Pattern.compile("(.+)\\.v(\\d+)\\.json");

    static List<String> olderSnapshots() throws IOException {
        try (Stream<Path> files = Files.list(SNAPSHOTS)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(OlderVersionsTest::isOlderVersion)
                    .sorted()
                    .toList();
        }
    }

    @Test
    void the_contract_has_older_versions_to_check() throws IOException {
        assertThat(olderSnapshots()).contains("conversation-logged.v1.json");
    }

    @ParameterizedTest
    @MethodSource("olderSnapshots")
    void an_older_pinned_version_loads_as_the_event_it_stands_for(String file) throws IOException {
        Matcher name = matcher(file);
        byte[] pinned = Files.readAllBytes(SNAPSHOTS.resolve(file));

        JournalEvent read = JournalEventJson.fromBytes(name.group(1), Integer.parseInt(name.group(2)), pinned);

        assertThat(SampleEvents.olderVersions())
                .as("expected reading of %s", file)
                .containsKey(file);
        assertThat(read).isEqualTo(SampleEvents.olderVersions().get(file));
    }

    @Test
    void a_version_with_no_upcaster_is_refused_rather_than_guessed() {
        byte[] json = "{\"journalId\":\"6f1c2b9e-0d7a-4c43-9a57-3f2f4c1b8e01\"}".getBytes();

        assertThatThrownBy(() -> JournalEventJson.fromBytes("conversation-logged", 0, json))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageContaining("conversation-logged v0");
    }

    @Test
    void a_value_already_present_is_not_overwritten_by_the_upcaster() {
        byte[] json = """
                {"journalId":"6f1c2b9e-0d7a-4c43-9a57-3f2f4c1b8e01","entryId":"0a4e6d1c-5b7f-4e2a-8c39-1d2e3f4a5b6c",
                 "topic":"t","initiatedBy":"ME","minutes":1,"feltHeard":1,"listenedWell":1,"outcome":"RESOLVED",
                 "channel":"PHONE_CALL","occurredAt":"2026-03-14T18:30:00Z","recordedAt":"2026-03-14T19:00:00Z"}
                """.getBytes();

        JournalEvent read = JournalEventJson.fromBytes("conversation-logged", 1, json);

        assertThat(((JournalEvent.ConversationLogged) read).channel()).isEqualTo(ConversationChannel.PHONE_CALL);
    }

    private static boolean isOlderVersion(String file) {
        Matcher name = matcher(file);
        return name.matches()
                && EventTypes.classFor(name.group(1))
                        .map(type -> EventTypes.typeOf(type).version() > Integer.parseInt(name.group(2)))
                        .orElse(false);
    }

    private static Matcher matcher(String file) {
        Matcher matcher = FILE.matcher(file);
        matcher.matches();
        return matcher;
    }
}
