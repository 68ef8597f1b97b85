package app.rekindle.command.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import app.rekindle.events.ConversationChannel;
import app.rekindle.events.ConversationOutcome;
import app.rekindle.events.Initiator;
import app.rekindle.events.JournalEvent;
import app.rekindle.events.JournalEvent.ConversationLogged;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/** The paths that need no key: sealing switched off, and events stored in plain form before sealing existed. */
class SealingSerializerTest {

    private final Serializer plainAxon =
            Jackson3Serializer.builder().lenientDeserialization().build();
    private final JournalKeys keys = mock(JournalKeys.class);
    private final Serializer unsealed = new SealingSerializer(plainAxon, keys, false);
    private final ConversationLogged event = new ConversationLogged(
            UUID.randomUUID(),
            UUID.randomUUID(),
            "Holidays",
            Initiator.ME,
            40,
            4,
            4,
            ConversationOutcome.RESOLVED,
            ConversationChannel.IN_PERSON,
            "Calm",
            Instant.parse("2026-03-01T10:00:00Z"),
            Instant.parse("2026-03-01T10:00:01Z"));

    @Test
    void with_sealing_off_new_events_are_stored_in_plain_form_and_read_back() {
        SerializedObject<byte[]> stored = unsealed.serialize(event, byte[].class);
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8))
                .contains("\"topic\":\"Holidays\"")
                .doesNotContain("keyId");
        assertThat((JournalEvent) unsealed.deserialize(stored)).isEqualTo(event);
        verifyNoInteractions(keys);
    }

    @Test
    void an_event_stored_in_plain_form_by_the_earlier_serializer_still_loads() {
        SerializedObject<byte[]> storedBefore = plainAxon.serialize(event, byte[].class);
        assertThat((JournalEvent) new SealingSerializer(plainAxon, keys, true).deserialize(storedBefore))
                .isEqualTo(event);
        verifyNoInteractions(keys);
    }
}
