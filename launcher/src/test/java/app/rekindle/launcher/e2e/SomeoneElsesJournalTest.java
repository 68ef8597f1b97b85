package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.launcher.EmbeddedStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** On both services, another person's journal answers exactly like one that does not exist. */
class SomeoneElsesJournalTest {

    private final EmbeddedStack stack = RunningStack.get();
    private final String alice = Http.tokenFor(stack, "alice-private");
    private final String bob = Http.tokenFor(stack, "bob-curious");

    @Test
    void another_person_cannot_tell_the_journal_exists_on_either_service() {
        String journalId = new Http(stack.commandUrl(), alice)
                .post("/journals", "{\"partnerName\":\"Sam\",\"intention\":\"Try again\",\"timezone\":\"UTC\"}")
                .body()
                .get("journalId")
                .asText();
        String missingId = UUID.randomUUID().toString();
        Http bobWrites = new Http(stack.commandUrl(), bob);
        Http bobReads = new Http(stack.queryUrl(), bob);
        new Http(stack.queryUrl(), alice).get("/journals/" + journalId + "/progress?minVersion=0");

        for (String view : new String[] {"", "/timeline", "/progress"}) {
            Http.Answer foreign = bobReads.get("/journals/" + journalId + view);
            Http.Answer missing = bobReads.get("/journals/" + missingId + view);
            assertThat(foreign.status()).as(view).isEqualTo(404);
            assertThat(withoutInstance(foreign.body())).as(view).isEqualTo(withoutInstance(missing.body()));
        }
        Http.Answer foreignWrite =
                bobWrites.post("/journals/" + journalId + "/check-ins", "{\"mood\":1,\"connection\":1}");
        Http.Answer missingWrite =
                bobWrites.post("/journals/" + missingId + "/check-ins", "{\"mood\":1,\"connection\":1}");
        assertThat(foreignWrite.status()).isEqualTo(404);
        assertThat(withoutInstance(foreignWrite.body())).isEqualTo(withoutInstance(missingWrite.body()));
        assertThat(bobReads.get("/journals").body().findValuesAsText("journalId"))
                .doesNotContain(journalId);
    }

    @Test
    void requests_without_a_valid_token_are_refused_with_problem_json() {
        Http anonymous = new Http(stack.queryUrl(), null);
        Http forged = new Http(stack.commandUrl(), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2IifQ.bm90LXNpZ25lZA");

        Http.Answer unauthenticated = anonymous.get("/journals");
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.body().get("status").asInt()).isEqualTo(401);
        assertThat(forged.post("/journals", "{\"partnerName\":\"X\",\"intention\":\"Y\",\"timezone\":\"UTC\"}")
                        .status())
                .isEqualTo(401);
    }

    /** The instance member, where present, is the path the caller sent; everything else must match. */
    private static JsonNode withoutInstance(JsonNode body) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.remove("instance");
        return copy;
    }
}
