package app.rekindle.query.history;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.events.ConversationChannel;
import app.rekindle.events.JournalEvent.ConversationLogged;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Rows logged by an older build keep their version, so replays as of a past day still read them. */
class LoggedEventTest {

    @Test
    void a_row_logged_at_version_1_decodes_upcast() {
        String v1 = """
                {"journalId":"6f1c2b9e-0d7a-4c43-9a57-3f2f4c1b8e01","entryId":"0a4e6d1c-5b7f-4e2a-8c39-1d2e3f4a5b6c",
                 "topic":"Holidays","initiatedBy":"ME","minutes":45,"feltHeard":4,"listenedWell":5,
                 "outcome":"PARTLY_RESOLVED","notes":"Calm","occurredAt":"2026-03-14T18:30:00Z",
                 "recordedAt":"2026-03-14T19:00:00Z"}""";
        Instant at = Instant.parse("2026-03-14T19:00:00Z");

        LoggedEvent logged = new LoggedEvent(2, "evt", "conversation-logged", 1, at, at, v1);

        ConversationLogged conversation = (ConversationLogged) logged.decode();
        assertThat(conversation.channel()).isEqualTo(ConversationChannel.NOT_RECORDED);
        assertThat(conversation.topic()).isEqualTo("Holidays");
    }
}
