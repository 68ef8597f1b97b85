package app.rekindle.command.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.rekindle.command.eventstore.StoredEvents;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The owner's journal is remembered; a stranger's answer always takes the same one read, found or not. */
class JournalOwnersTest {

    private final StoredEvents store = mock(StoredEvents.class);
    private final JournalOwners owners =
            new JournalOwners(store, JsonMapper.builder().build());
    private final UUID journal = UUID.randomUUID();

    JournalOwnersTest() {
        when(store.openingPayload(journal))
                .thenReturn(Optional.of("{\"ownerId\":\"alice\"}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_owner_s_next_command_on_a_journal_read_before_needs_no_read() {
        assertThat(owners.openedBy(journal, "alice")).isEqualTo(JournalOwners.Opened.MINE);
        assertThat(owners.openedBy(journal, "alice")).isEqualTo(JournalOwners.Opened.MINE);

        verify(store, times(1)).openingPayload(journal);
    }

    @Test
    void a_stranger_is_answered_after_one_read_every_time_as_for_a_missing_journal() {
        UUID missing = UUID.randomUUID();
        when(store.openingPayload(missing)).thenReturn(Optional.empty());
        owners.openedBy(journal, "alice");

        assertThat(owners.openedBy(journal, "mallory")).isEqualTo(JournalOwners.Opened.NOT_MINE);
        assertThat(owners.openedBy(journal, "mallory")).isEqualTo(JournalOwners.Opened.NOT_MINE);
        assertThat(owners.openedBy(missing, "mallory")).isEqualTo(JournalOwners.Opened.MISSING);
        assertThat(owners.openedBy(missing, "mallory")).isEqualTo(JournalOwners.Opened.MISSING);

        verify(store, times(3)).openingPayload(journal);
        verify(store, times(2)).openingPayload(missing);
    }

    @Test
    void an_unreadable_opening_event_is_read_again_each_time_and_left_to_the_journal() {
        UUID odd = UUID.randomUUID();
        when(store.openingPayload(odd)).thenReturn(Optional.of("not json".getBytes(StandardCharsets.UTF_8)));

        assertThat(owners.openedBy(odd, "alice")).isEqualTo(JournalOwners.Opened.UNREADABLE);
        assertThat(owners.openedBy(odd, "alice")).isEqualTo(JournalOwners.Opened.UNREADABLE);

        verify(store, times(2)).openingPayload(odd);
    }
}
