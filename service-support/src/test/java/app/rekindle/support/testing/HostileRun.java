package app.rekindle.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a corpus of bad requests and checks each answer: the expected 4xx, the security headers, problem+json
 * whose status matches,
 * the field and rule named where the request broke a field's rule, and nothing of the hostile input or of a
 * token in the body. Prints the tally (cases, outcome per status and per category) for the closing note.
 */
public final class HostileRun {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<Integer, Integer> byStatus = new TreeMap<>();
    private final Map<String, Integer> byCategory = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private int tried;

    public static HostileRun of(String baseUrl, List<BadRequest> corpus) {
        HostileRun run = new HostileRun();
        RawHttp http = new RawHttp(baseUrl);
        for (BadRequest request : corpus) {
            run.record(request, http.send(request));
        }
        return run;
    }

    private void record(BadRequest request, RawHttp.Answer answer) {
        tried++;
        byStatus.merge(answer.status(), 1, Integer::sum);
        byCategory.merge(request.category(), 1, Integer::sum);
        String problem = verdict(request, answer);
        if (problem != null) {
            failures.add(request + "\n      -> " + answer.status() + " " + answer.header("Content-Type") + " "
                    + abbreviate(answer.body()) + "\n      " + problem);
        }
    }

    static String verdict(BadRequest request, RawHttp.Answer answer) {
        if (answer.status() < 400 || answer.status() > 499) {
            return "expected a 4xx";
        }
        if (request.status() != 0 && answer.status() != request.status()) {
            return "expected " + request.status();
        }
        String missingHeader = SecurityHeaderCheck.missing(answer::header);
        if (missingHeader != null) {
            return missingHeader;
        }
        String type = answer.header("Content-Type");
        if (type == null || !type.startsWith("application/problem+json")) {
            return "expected application/problem+json";
        }
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (RuntimeException e) {
            return "the body is not JSON";
        }
        if (body.path("status").asInt() != answer.status() || !body.hasNonNull("type") || !body.hasNonNull("title")) {
            return "the problem lacks type, title or a matching status";
        }
        for (String secret : request.secrets()) {
            if (secret.length() >= 4 && answer.body().contains(secret)) {
                return "the body echoes what was sent: " + abbreviate(secret);
            }
        }
        return request.field() == null ? null : namesField(request, body.path("errors"));
    }

    private static String namesField(BadRequest request, JsonNode errors) {
        for (JsonNode error : errors) {
            boolean field = request.field().equals(BadRequest.ANY_FIELD)
                    || request.field().equals(error.path("field").asString());
            String rule = error.path("rule").asString("");
            if (field
                    && !rule.isBlank()
                    && (request.rules().isEmpty() || request.rules().contains(rule))) {
                return null;
            }
        }
        return "expected errors[] naming field " + request.field() + " with rule " + request.rules();
    }

    private static String abbreviate(String text) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }

    public int tried() {
        return tried;
    }

    public String tally() {
        return "Hostile requests tried: " + tried + "; answers by status: " + byStatus + "; by category: " + byCategory
                + "; not refused as expected: " + failures.size();
    }

    public void assertEveryOneRefused(int atLeast) {
        System.out.println(tally());
        assertThat(tried).as("corpus size").isGreaterThanOrEqualTo(atLeast);
        assertThat(failures)
                .as("bad requests not refused properly (%d of %d)", failures.size(), tried)
                .isEmpty();
    }
}
