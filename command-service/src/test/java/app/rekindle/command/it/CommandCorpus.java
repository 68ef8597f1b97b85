package app.rekindle.command.it;

import app.rekindle.support.testing.BadRequest;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command service's hostile corpus, walked from its own OpenAPI description so a new endpoint is covered
 * without anyone remembering to: every operation gets bad ids, headers, tokens, methods and content types, and
 * every request body every schema-derived bad value ({@link BodyMutations}) plus malformed and oversized JSON.
 */
final class CommandCorpus {

    private static final String[] NOT_UUIDS = {"not-a-uuid", "1%20OR%201%3D1", "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
            "00000000-0000-0000-0000-00000000000g", "123"};
    private static final String[] MALFORMED = {"{", "{\"a\":}", "not json", "[]", "null", "\"text\"", "42",
            "{\"a\":1,}", "{'single':'quotes'}", "\u0000"};
    private static final String[] NOT_JSON_TYPES = {"text/plain", "application/xml", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x"};

    private final JsonNode spec;
    private final Map<String, String> ids;
    private final String token;
    private final Map<String, String> badTokens;
    private final List<BadRequest> out = new ArrayList<>();

    /** @param ids what to put for each path variable ({journalId} …) so that only the broken part is wrong */
    CommandCorpus(JsonNode spec, Map<String, String> ids, String token, Map<String, String> badTokens) {
        this.spec = spec;
        this.ids = ids;
        this.token = token;
        this.badTokens = badTokens;
    }

    List<BadRequest> build() {
        spec.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation ->
                operation(operation.getKey().toUpperCase(), path.getKey(), operation.getValue())));
        return out;
    }

    private void operation(String method, String template, JsonNode operation) {
        String path = fill(template, Map.of());
        BadRequest call = BadRequest.of("", method, path).bearer(token);
        JsonNode body = schema(operation);
        boolean takesBody = operation.has("requestBody");
        String valid = body != null ? body.get("example").toString() : takesBody ? "{}" : null;
        ids.keySet().stream().filter(name -> template.contains("{" + name + "}") && name.endsWith("Id")).forEach(name -> {
            for (String notUuid : NOT_UUIDS) {
                BadRequest request = with(BadRequest.of("", method, fill(template, Map.of(name, notUuid)))
                        .bearer(token), valid, "not-a-uuid");
                // Tomcat refuses an encoded slash in any path before routing: a 400 that names no field.
                out.add(notUuid.contains("%2F") ? request.answers(400) : request.answers(400, name, "type"));
            }
        });
        out.add(with(call.header("Idempotency-Key", "k".repeat(201)), valid, "bad-header").answers(400, "Idempotency-Key", "format"));
        out.add(with(call.header("Idempotency-Key", "  "), valid, "bad-header").answers(400, "Idempotency-Key", "format"));
        if (!template.equals("/journals") && !template.endsWith("/import")) {
            for (String tag : new String[] {"abc", "-1", "\"1\", \"2\"", "W/", "1; DROP TABLE x"}) {
                out.add(with(call.header("If-Match", tag), valid, "bad-header").answers(400, "If-Match", "format"));
            }
        }
        if (template.contains("{slug}")) {
            for (String step : new String[] {"learn-to-juggle", "REFLECT-ON-THE-PAST", "1%20OR%201%3D1", "%00"}) {
                BadRequest unknown = BadRequest.of("", method, fill(template.replace("{slug}", step), Map.of()))
                        .bearer(token);
                out.add(with(unknown, valid, "unknown-step").answers(step.equals("%00") ? 400 : 404));
            }
        }
        operation.path("parameters").forEach(parameter -> {
            if (parameter.path("in").asString().equals("query")) {
                queryParameter(call, valid, parameter.get("name").asString());
            }
        });
        out.add(with(BadRequest.of("", method, path), valid, "no-token").answers(401));
        out.add(with(BadRequest.of("", method, path).header("Authorization", "Basic YWxpY2U6c2VjcmV0"), valid,
                "bad-token").answers(401));
        badTokens.values().forEach(bad -> out.add(with(BadRequest.of("", method, path).bearer(bad), valid, "bad-token")
                .answers(401)));
        out.add(with(BadRequest.of("", "PUT", path).bearer(token), valid, "wrong-method").answers(405));
        out.add(with(BadRequest.of("", "PATCH", path).bearer(token), valid, "wrong-method").answers(405));
        if (template.endsWith("/import")) {
            imports(call);
        }
        if (body != null) {
            bodies(call, body, valid, operation.at("/requestBody/required").asBoolean(false));
        }
    }

    /** An export document is checked whole before anything is written; each of these breaks one part. */
    private void imports(BadRequest call) {
        String format = "\"format\":\"rekindle.journal-export/1\"";
        String journal = "\"journalId\":\"" + java.util.UUID.randomUUID() + "\"";
        String opened = "{\"type\":\"JournalOpened\",\"version\":1,\"sequence\":0,\"event\":{\"partnerName\":\"Sam\\u0000\"}}";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("{}", "format");
        cases.put("{\"format\":\"rekindle.journal-export/0\"}", "format");
        cases.put("{" + format + ",\"journalId\":\"nope\",\"events\":[]}", "journalId");
        cases.put("{" + format + "," + journal + "}", "events");
        cases.put("{" + format + "," + journal + ",\"events\":\"all\"}", "events");
        cases.put("{" + format + "," + journal + ",\"events\":[{\"type\":\"DROP TABLE\"}]}", "events[0].type");
        cases.put("{" + format + "," + journal + ",\"events\":[" + opened + "]}", "events[0].event.partnerName");
        cases.forEach((json, field) -> out.add(retag(call.json(json), "bad-import").answers(400, field)));
    }

    private void queryParameter(BadRequest call, String valid, String name) {
        for (String unsafe : new String[] {"%00", "a%07b", "%E2%80%AEgnp.exe", "%C2%9B31m", "%ED%A0%80"}) {
            BadRequest request = new BadRequest("", call.method(), call.path() + "?" + name + "=" + unsafe,
                    call.headers(), null, false, 0, null, java.util.Set.of(), call.secrets());
            out.add(with(request, valid, "control-characters").answers(400, name, "characters"));
        }
        BadRequest tooLong = new BadRequest("", call.method(), call.path() + "?" + name + "=" + "x".repeat(4001),
                call.headers(), null, false, 0, null, java.util.Set.of(), call.secrets());
        out.add(with(tooLong, valid, "too-long").answers(400, name, "max-length"));
    }

    private void bodies(BadRequest call, JsonNode schema, String valid, boolean required) {
        for (BadRequest mutated : BodyMutations.of(call, schema)) {
            out.add(mutated);
        }
        for (String malformed : MALFORMED) {
            if (!required && malformed.equals("null")) {
                continue; // an optional body may be absent, and JSON null says just that
            }
            out.add(retag(call.json(malformed), "malformed-json").answers(400, BadRequest.ANY_FIELD));
        }
        out.add(retag(call.json(valid.replaceFirst("\\{", "{\"isAdmin\":true,")), "unknown-field")
                .answers(400, "isAdmin", "readable"));
        out.add(retag(call.json(valid + " {\"trailing\":1}"), "malformed-json").answers(400, BadRequest.ANY_FIELD));
        String deep = "[".repeat(5000) + "]".repeat(5000);
        out.add(retag(call.json(valid.replaceFirst("\\{", "{\"deep\":" + deep + ",")), "deep-nesting")
                .answers(400, BadRequest.ANY_FIELD));
        for (String type : NOT_JSON_TYPES) {
            out.add(retag(call.body(type, valid.getBytes(StandardCharsets.UTF_8)), "content-type")
                    .answers(415, "Content-Type", "media-type"));
        }
        out.add(retag(call.body(null, valid.getBytes(StandardCharsets.UTF_8)), "content-type")
                .answers(415, "Content-Type", "media-type"));
        String huge = valid.replaceFirst("\\{", "{" + " ".repeat(300_000));
        out.add(retag(call.json(huge), "huge-body").answers(413, "body", "max-size"));
        out.add(retag(call.json(huge).sentChunked(), "huge-body").answers(413, "body", "max-size"));
    }

    /** The request with the operation's valid body, if it takes one: only the part under test is wrong. */
    private static BadRequest with(BadRequest request, String validBody, String category) {
        return retag(validBody == null ? request : request.json(validBody), category);
    }

    private static BadRequest retag(BadRequest request, String category) {
        return new BadRequest(category, request.method(), request.path(), request.headers(), request.body(),
                request.chunked(), request.status(), request.field(), request.rules(), request.secrets());
    }

    private String fill(String template, Map<String, String> overrides) {
        String path = template;
        for (var id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", overrides.getOrDefault(id.getKey(), id.getValue()));
        }
        return path;
    }

    private JsonNode schema(JsonNode operation) {
        JsonNode ref = operation.at("/requestBody/content/application~1json/schema/$ref");
        if (ref.isMissingNode()) {
            return null;
        }
        JsonNode schema = spec.at("/components/schemas/" + ref.asString().substring(ref.asString().lastIndexOf('/') + 1));
        return schema.has("example") && schema.has("properties") ? schema : null;
    }
}
