package app.rekindle.support.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The query service's hostile corpus, walked from its own OpenAPI description: every operation gets bad ids,
 * tokens, methods and bodies, and every query parameter the bad values of its schema type plus unclean and
 * oversized text. Parameters whose rules are not in the schema get known-bad values by name.
 * Shared (service-support's test jar): the query service's HostileRequestsTest runs it against the service
 * under test, the launcher's HostileRequestsInStackTest against the real stack with provider-issued tokens.
 */
public final class QueryCorpus extends SpecCorpus {

    private static final String[] NOT_UUIDS = {
        "not-a-uuid", "1%20OR%201%3D1", "%3Cscript%3E", "123", "00000000-0000-0000-0000-00000000000g"
    };
    private static final String[] UNCLEAN = {"%00", "a%07b", "%E2%80%AEgnp.exe", "%C2%9B31m", "%ED%A0%80", "%FF"};
    private static final String[] INJECTIONS = {
        "'%20OR%20'1'%3D'1", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%24%7Bjndi%3Aldap%3A%2F%2Fx%2Fa%7D"
    };
    /** Instants outside ValueWindows.readable(): once 500s from PostgreSQL; now 400, rule window. */
    private static final List<String> INSTANTS_OUTSIDE = List.of(
            "-300000-01-01T00%3A00%3A00Z",
            "%2B999999999-12-31T23%3A59%3A59Z", "0001-01-01T00%3A00%3A00Z", "1899-12-31T23%3A59%3A59Z");
    /** Days outside it: {@code to=+999999999-12-31} once ran analytics out of memory. */
    private static final List<String> DAYS_OUTSIDE =
            List.of("0001-01-01", "%2B999999999-12-31", "-999999999-01-01", "1899-12-31", "%2B10000-01-01");
    /** Not instants, though Spring's own parser reads them as epoch milliseconds. */
    private static final List<String> EPOCHS = List.of("1772359200000", "0");
    /** A timeline cursor ("instant|entry id", base64url) tampered to name year -300000. */
    private static final String ABSURD_CURSOR = Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                    "-300000-01-01T00:00:00Z|00000000-0000-0000-0000-000000000001".getBytes(StandardCharsets.UTF_8));

    /** Values that break rules the schema cannot state (a slug, an opaque cursor, a format name). */
    private static final Map<String, List<String>> KNOWN_BAD = Map.of(
            "step", List.of("step-seven", "REFLECT-ON-THE-PAST"),
            "cursor", List.of("not-a-cursor", "eyJhIjoxfQ", ABSURD_CURSOR),
            "format", List.of("xml", "pdf"),
            "limit", List.of("0", "100000", "-5"),
            "minVersion", List.of("-1"));

    public QueryCorpus(JsonNode spec, Map<String, String> ids, String token, Map<String, String> badTokens) {
        super(spec, ids, token, badTokens);
    }

    @Override
    protected void operation(String method, String template, JsonNode operation) {
        String path = fill(template, null, null);
        BadRequest call = BadRequest.of("", method, path).bearer(token);
        // Operator commands refuse the corpus's token (no operator's) with 403 before looking at the path.
        boolean operatorOnly = template.startsWith("/admin/");
        ids.keySet().stream()
                .filter(name -> template.contains("{" + name + "}"))
                .forEach(name -> {
                    for (String notUuid : NOT_UUIDS) {
                        BadRequest bad = tag(
                                BadRequest.of("", method, fill(template, name, notUuid))
                                        .bearer(token),
                                "not-a-uuid");
                        out.add(operatorOnly ? bad.answers(403) : bad.answers(400, name, "type"));
                    }
                });
        if (method.equals("GET") && !template.startsWith("/admin")) {
            operation.path("parameters").forEach(parameter -> {
                if (parameter.path("in").asString().equals("query")) {
                    parameter(call, parameter.get("name").asString(), parameter.path("schema"));
                }
            });
        }
        if (!template.startsWith("/dashboard")) { // the dashboard's page and settings are public
            tokenCases(method, path, null);
        }
        for (String wrong : undescribedMethods(template)) {
            out.add(tag(BadRequest.of("", wrong, path).bearer(token), "wrong-method")
                    .answers(wrongMethodStatus(wrong)));
        }
        byte[] xml = "<journal><id>1</id></journal>".getBytes(StandardCharsets.UTF_8);
        out.add(tag(call.body("application/xml", xml), "content-type").answers(415, "Content-Type", "media-type"));
        out.add(tag(call.body("text/plain", "hello".getBytes(StandardCharsets.UTF_8)), "content-type")
                .answers(415, "Content-Type", "media-type"));
        out.add(tag(call.json("{" + " ".repeat(300_000) + "}"), "huge-body").answers(413, "body", "max-size"));
    }

    private void parameter(BadRequest call, String name, JsonNode schema) {
        String type = schema.path("type").asString("");
        String format = schema.path("format").asString("");
        List<String> wrong = new ArrayList<>(KNOWN_BAD.getOrDefault(name, List.of()));
        if (type.equals("integer")) {
            wrong.addAll(List.of("abc", "1.5", "99999999999999999999999", "1e3"));
        } else if (type.equals("boolean")) {
            wrong.addAll(List.of("maybe", "2"));
        } else if (schema.has("enum")) {
            wrong.addAll(List.of("HUG", schema.get("enum").get(0).asString().toLowerCase() + "x"));
        } else if (format.equals("uuid")) {
            wrong.addAll(List.of("not-a-uuid", "123"));
        } else if (format.startsWith("date")) {
            wrong.addAll(List.of("yesterday", "31%2F12%2F2026", "2026-13-45T99%3A99%3A99Z"));
            wrong.addAll(EPOCHS);
            for (String outside : format.equals("date") ? DAYS_OUTSIDE : INSTANTS_OUTSIDE) {
                out.add(tag(query(call, name, outside), "outside-window").answers(400, name, "window"));
            }
        }
        boolean typed = !wrong.isEmpty();
        // GET /journals checks that minVersion comes with a journalId before checking its value.
        String field = call.path().equals("/journals") ? BadRequest.ANY_FIELD : name;
        for (String value : wrong) {
            out.add(tag(query(call, name, value), "wrong-value").answers(400, field));
        }
        if (typed) {
            for (String injection : INJECTIONS) {
                out.add(tag(query(call, name, injection), "injection").answers(400, name));
            }
        }
        for (String unclean : UNCLEAN) {
            out.add(tag(query(call, name, unclean), "control-characters").answers(400, name, "characters"));
        }
        out.add(tag(query(call, name, "x".repeat(4001)), "too-long").answers(400, name, "max-length"));
    }
}
