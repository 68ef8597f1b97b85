package app.rekindle.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Walks every operation of a service's OpenAPI description whose path names a {journalId}, calling it with a
 * stranger's token once for the owner's journal and once for a journal that does not exist. The two answers
 * must be identical: status, problem body (the {@code instance}, which is the path the caller sent, apart) and
 * header names. A new endpoint is walked as soon as it is described, without anyone remembering to.
 */
public final class StrangerWalk {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Headers that differ between any two answers, whoever asks (Tomcat closes a connection now and then). */
    private static final Set<String> VARYING =
            Set.of("date", "content-length", "traceparent", "connection", "keep-alive");

    public record Call(String method, String path, String body) {}

    private StrangerWalk() {}

    /**
     * The calls to make, one per described operation with a journal id: the path filled from {@code ids}, the
     * body from the schema's example (or an empty object), so that only the journal differs.
     */
    public static List<Call> calls(JsonNode spec, Map<String, String> ids, Function<String, String> queryFor) {
        List<Call> calls = new ArrayList<>();
        spec.get("paths").properties().forEach(path -> {
            if (!path.getKey().contains("{journalId}") || SpecCorpus.serviceOnly(path.getKey())) {
                return;
            }
            path.getValue().properties().forEach(operation -> {
                String filled = path.getKey();
                for (var id : ids.entrySet()) {
                    filled = filled.replace("{" + id.getKey() + "}", id.getValue());
                }
                // A path variable the walk has no id for (a newer endpoint's) gets one that names nothing.
                filled = filled.replaceAll("\\{[^}/]+}", UUID.randomUUID().toString());
                String body = null;
                if (operation.getValue().has("requestBody")) {
                    JsonNode ref = operation.getValue().at("/requestBody/content/application~1json/schema/$ref");
                    JsonNode example = ref.isMissingNode()
                            ? null
                            : spec.at("/components/schemas/"
                                    + ref.asString().substring(ref.asString().lastIndexOf('/') + 1) + "/example");
                    body = example == null || example.isMissingNode() ? "{}" : example.toString();
                }
                calls.add(new Call(operation.getKey().toUpperCase(), filled + queryFor.apply(path.getKey()), body));
            });
        });
        return calls;
    }

    /**
     * Asserts the stranger's answer for the real journal equals the answer for the missing one, with the
     * status expected (404 for a journal one cannot see; 202 while waiting for a version).
     */
    public static void assertAlike(Call call, RawHttp.Answer foreign, RawHttp.Answer missing, int expectedStatus) {
        String what = call.method() + " " + call.path();
        assertThat(foreign.status()).as(what).isEqualTo(expectedStatus);
        assertThat(missing.status()).as(what).isEqualTo(foreign.status());
        assertThat(headerNames(foreign)).as(what + " header names").isEqualTo(headerNames(missing));
        assertThat(foreign.header("Content-Type")).as(what).isEqualTo(missing.header("Content-Type"));
        assertThat(withoutInstance(foreign.body())).as(what + " body").isEqualTo(withoutInstance(missing.body()));
    }

    /** Median of the given durations in nanoseconds. */
    public static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static Set<String> headerNames(RawHttp.Answer answer) {
        Set<String> names = new TreeSet<>(answer.headers().map().keySet().stream()
                .map(String::toLowerCase)
                .toList());
        names.removeAll(VARYING);
        return names;
    }

    private static JsonNode withoutInstance(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        JsonNode node = JSON.readTree(body);
        if (node instanceof ObjectNode object) {
            object.remove("instance");
        }
        return node;
    }
}
