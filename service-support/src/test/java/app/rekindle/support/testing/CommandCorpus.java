package app.rekindle.support.testing;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * The command service's hostile corpus, walked from its own OpenAPI description so a new endpoint is covered
 * without anyone remembering to: every operation gets bad ids, headers, tokens, methods and content types, and
 * every request body every schema-derived bad value ({@link BodyMutations}) plus malformed and oversized JSON.
 * Shared (service-support's test jar): the command service's HostileRequestsTest runs it against the service
 * under test, the launcher's HostileRequestsInStackTest against the real stack with provider-issued tokens.
 */
public final class CommandCorpus extends SpecCorpus {

    private static final String[] NOT_UUIDS = {
        "not-a-uuid",
        "1%20OR%201%3D1",
        "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "00000000-0000-0000-0000-00000000000g",
        "123"
    };
    private static final String[] MALFORMED = {
        "{", "{\"a\":}", "not json", "[]", "null", "\"text\"", "42", "{\"a\":1,}", "{'single':'quotes'}", "\u0000"
    };
    private static final String[] NOT_JSON_TYPES = {
        "text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"
    };

    public CommandCorpus(JsonNode spec, Map<String, String> ids, String token, Map<String, String> badTokens) {
        super(spec, ids, token, badTokens);
    }

    @Override
    protected void operation(String method, String template, JsonNode operation) {
        if (template.startsWith("/admin/")) {
            operatorOnly(method, template);
            return;
        }
        String path = fill(template, null, null);
        BadRequest call = BadRequest.of("", method, path).bearer(token);
        JsonNode body = schema(operation);
        boolean takesBody = operation.has("requestBody");
        String valid = body != null ? body.get("example").toString() : takesBody ? "{}" : null;
        ids.keySet().stream()
                .filter(name -> name.endsWith("Id") && template.contains("{" + name + "}"))
                .forEach(name -> {
                    for (String notUuid : NOT_UUIDS) {
                        BadRequest request = with(
                                BadRequest.of("", method, fill(template, name, notUuid))
                                        .bearer(token),
                                valid,
                                "not-a-uuid");
                        // Tomcat refuses an encoded slash in any path before routing: a 400 that names no field.
                        out.add(notUuid.contains("%2F") ? request.answers(400) : request.answers(400, name, "type"));
                    }
                });
        for (String key : new String[] {"k".repeat(201), "  "}) {
            out.add(with(call.header("Idempotency-Key", key), valid, "bad-header")
                    .answers(400, "Idempotency-Key", "format"));
        }
        if (!template.equals("/journals") && !template.endsWith("/import")) {
            for (String tag : new String[] {"abc", "-1", "\"1\", \"2\"", "W/", "1; DROP TABLE x"}) {
                out.add(with(call.header("If-Match", tag), valid, "bad-header").answers(400, "If-Match", "format"));
            }
        }
        if (template.contains("{slug}")) {
            for (String step : new String[] {"learn-to-juggle", "REFLECT-ON-THE-PAST", "1%20OR%201%3D1", "%00"}) {
                BadRequest unknown = BadRequest.of("", method, fill(template.replace("{slug}", step), null, null))
                        .bearer(token);
                out.add(with(unknown, valid, "unknown-step").answers(step.equals("%00") ? 400 : 404));
            }
        }
        operation.path("parameters").forEach(parameter -> {
            if (parameter.path("in").asString().equals("query")) {
                queryParameter(call, valid, parameter.get("name").asString());
            }
        });
        tokenCases(method, path, valid);
        for (String wrong : undescribedMethods(template)) {
            out.add(with(BadRequest.of("", wrong, path).bearer(token), valid, "wrong-method")
                    .answers(wrongMethodStatus(wrong)));
        }
        if (template.endsWith("/import")) {
            imports(call);
        }
        if (body != null) {
            bodies(call, body, valid, operation.at("/requestBody/required").asBoolean(false));
        }
    }

    /**
     * Operator commands: the corpus's token is no operator's, and anyone else is refused with 403 before anything of
     * the request is looked at, whatever is wrong with it; a bad token is still a 401.
     */
    private void operatorOnly(String method, String template) {
        String path = fill(template, null, null);
        BadRequest call = BadRequest.of("", method, path).bearer(token);
        ids.keySet().stream()
                .filter(name -> template.contains("{" + name + "}"))
                .forEach(name -> {
                    for (String notUuid : NOT_UUIDS) {
                        if (!notUuid.contains("%2F")) {
                            out.add(tag(
                                            BadRequest.of("", method, fill(template, name, notUuid))
                                                    .bearer(token),
                                            "not-a-uuid")
                                    .answers(403));
                        }
                    }
                });
        if (method.equals("GET")) {
            out.add(tag(BadRequest.of("", method, path + "?limit=-1").bearer(token), "not-an-operator")
                    .answers(403));
        } else {
            for (String malformed : MALFORMED) {
                out.add(tag(call.json(malformed), "not-an-operator").answers(403));
            }
        }
        tokenCases(method, path, null);
    }

    /** An export document is checked whole before anything is written; each of these breaks one part. */
    private void imports(BadRequest call) {
        String format = "\"format\":\"rekindle.journal-export/1\"";
        String journal = "\"journalId\":\"" + UUID.randomUUID() + "\"";
        String opened =
                "{\"type\":\"JournalOpened\",\"version\":1,\"sequence\":0,\"event\":{\"partnerName\":\"Sam\\u0000\"}}";
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("{}", "format");
        cases.put("{\"format\":\"rekindle.journal-export/0\"}", "format");
        cases.put("{" + format + ",\"journalId\":\"nope\",\"events\":[]}", "journalId");
        cases.put("{" + format + "," + journal + "}", "events");
        cases.put("{" + format + "," + journal + ",\"events\":\"all\"}", "events");
        cases.put("{" + format + "," + journal + ",\"events\":[{\"type\":\"DROP TABLE\"}]}", "events[0].type");
        cases.put("{" + format + "," + journal + ",\"events\":[" + opened + "]}", "events[0].event.partnerName");
        cases.forEach(
                (json, field) -> out.add(tag(call.json(json), "bad-import").answers(400, field)));
    }

    private void queryParameter(BadRequest call, String valid, String name) {
        for (String unsafe : new String[] {"%00", "a%07b", "%E2%80%AEgnp.exe", "%C2%9B31m", "%ED%A0%80"}) {
            out.add(with(query(call, name, unsafe), valid, "control-characters").answers(400, name, "characters"));
        }
        out.add(with(query(call, name, "x".repeat(4001)), valid, "too-long").answers(400, name, "max-length"));
    }

    private void bodies(BadRequest call, JsonNode schema, String valid, boolean required) {
        for (BadRequest mutated : BodyMutations.of(call, schema)) {
            out.add(mutated);
        }
        for (String malformed : MALFORMED) {
            if (!required && malformed.equals("null")) {
                continue; // an optional body may be absent, and JSON null says just that
            }
            out.add(tag(call.json(malformed), "malformed-json").answers(400, BadRequest.ANY_FIELD));
        }
        out.add(tag(call.json(valid.replaceFirst("\\{", "{\"isAdmin\":true,")), "unknown-field")
                .answers(400, "isAdmin", "readable"));
        out.add(tag(call.json(valid + " {\"trailing\":1}"), "malformed-json").answers(400, BadRequest.ANY_FIELD));
        String deep = "[".repeat(5000) + "]".repeat(5000);
        out.add(tag(call.json(valid.replaceFirst("\\{", "{\"deep\":" + deep + ",")), "deep-nesting")
                .answers(400, BadRequest.ANY_FIELD));
        for (String type : NOT_JSON_TYPES) {
            out.add(tag(call.body(type, valid.getBytes(StandardCharsets.UTF_8)), "content-type")
                    .answers(415, "Content-Type", "media-type"));
        }
        out.add(tag(call.body(null, valid.getBytes(StandardCharsets.UTF_8)), "content-type")
                .answers(415, "Content-Type", "media-type"));
        String huge = valid.replaceFirst("\\{", "{" + " ".repeat(300_000));
        out.add(tag(call.json(huge), "huge-body").answers(413, "body", "max-size"));
        out.add(tag(call.json(huge).sentChunked(), "huge-body").answers(413, "body", "max-size"));
    }

    /** The request with the operation's valid body, if it takes one: only the part under test is wrong. */
    private static BadRequest with(BadRequest request, String validBody, String category) {
        return tag(validBody == null ? request : request.json(validBody), category);
    }

    private JsonNode schema(JsonNode operation) {
        JsonNode ref = operation.at("/requestBody/content/application~1json/schema/$ref");
        if (ref.isMissingNode()) {
            return null;
        }
        JsonNode schema = spec.at(
                "/components/schemas/" + ref.asString().substring(ref.asString().lastIndexOf('/') + 1));
        return schema.has("example") && schema.has("properties") ? schema : null;
    }
}
