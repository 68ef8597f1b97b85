package app.rekindle.command.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.rekindle.command.access.JournalOwners;
import app.rekindle.command.eventstore.StoredEvents;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** How the erasure walks an owner's journals: recorded first, page after page, each journal still theirs once. */
class OwnerErasureControllerTest {

    private final ErasedOwners erasedOwners = mock(ErasedOwners.class);
    private final StoredEvents store = mock(StoredEvents.class);
    private final JournalOwners owners = mock(JournalOwners.class);
    private final JournalErasure erasure = mock(JournalErasure.class);
    private final OwnerErasureController controller = new OwnerErasureController(erasedOwners, store, owners, erasure);

    @Test
    void a_full_page_is_followed_by_the_next_after_its_last_journal_until_a_page_is_short() {
        List<UUID> first = Stream.generate(UUID::randomUUID)
                .limit(OwnerErasureController.PAGE)
                .toList();
        UUID last = UUID.randomUUID();
        UUID alreadyErased = UUID.randomUUID();
        UUID erasedMeanwhile = UUID.randomUUID();
        when(store.journalsOpenedBy("alice", null, OwnerErasureController.PAGE)).thenReturn(first);
        when(store.journalsOpenedBy("alice", first.getLast(), OwnerErasureController.PAGE))
                .thenReturn(List.of(last, alreadyErased, erasedMeanwhile));
        when(owners.stillTheirs(any(), eq("alice"))).thenReturn(true);
        when(owners.stillTheirs(alreadyErased, "alice")).thenReturn(false);
        when(erasure.erase(eq(erasedMeanwhile), any())).thenThrow(new AggregateNotFoundException("gone", "erased"));

        List<UUID> erased = controller.eraseOwner("alice").erased();

        assertThat(erased)
                .hasSize(OwnerErasureController.PAGE + 1)
                .containsAll(first)
                .contains(last);
        assertThat(erased).doesNotContain(alreadyErased, erasedMeanwhile);
        InOrder order = inOrder(erasedOwners, store);
        order.verify(erasedOwners).record("alice");
        order.verify(store).journalsOpenedBy("alice", null, OwnerErasureController.PAGE);
        order.verify(store).journalsOpenedBy("alice", first.getLast(), OwnerErasureController.PAGE);
        verify(store, times(2)).journalsOpenedBy(eq("alice"), any(), anyInt());
        verify(erasure, never()).erase(eq(alreadyErased), any());
    }
}
