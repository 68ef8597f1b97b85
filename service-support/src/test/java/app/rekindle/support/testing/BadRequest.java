package app.rekindle.support.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One hostile request and what the service must answer: the status, and for a field error the field and the
 * rules it may name. {@code secrets} must not come back in the body (the hostile value, a token).
 *
 * @param field {@code null} when the refusal names no field, {@link #ANY_FIELD} when any field will do
 */
public record BadRequest(
        String category,
        String method,
        String path,
        List<String> headers,
        byte[] body,
        boolean chunked,
        int status,
        String field,
        Set<String> rules,
        List<String> secrets) {

    public static final String ANY_FIELD = "*";
    public static final String JSON = "application/json";

    public static BadRequest of(String category, String method, String path) {
        return new BadRequest(category, method, path, List.of(), null, false, 0, null, Set.of(), List.of());
    }

    public BadRequest json(String json) {
        return body(JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    public BadRequest body(String contentType, byte[] bytes) {
        BadRequest typed = contentType == null ? this : header("Content-Type", contentType);
        return new BadRequest(category, method, path, typed.headers, bytes, chunked, status, field, rules, secrets);
    }

    public BadRequest sentChunked() {
        return new BadRequest(category, method, path, headers, body, true, status, field, rules, secrets);
    }

    public BadRequest header(String name, String value) {
        List<String> all = new ArrayList<>(headers);
        all.add(name);
        all.add(value);
        return new BadRequest(category, method, path, List.copyOf(all), body, chunked, status, field, rules, secrets);
    }

    public BadRequest bearer(String token) {
        return header("Authorization", "Bearer " + token).secret(token);
    }

    /** Expects this status and no particular field. */
    public BadRequest answers(int expected) {
        return new BadRequest(category, method, path, headers, body, chunked, expected, null, Set.of(), secrets);
    }

    /** Expects this status naming the field, with one of the rules (any rule when none are given). */
    public BadRequest answers(int expected, String expectedField, String... anyOfRules) {
        return new BadRequest(
                category, method, path, headers, body, chunked, expected, expectedField, Set.of(anyOfRules), secrets);
    }

    public BadRequest secret(String text) {
        List<String> all = new ArrayList<>(secrets);
        all.add(text);
        return new BadRequest(category, method, path, headers, body, chunked, status, field, rules, List.copyOf(all));
    }

    @Override
    public String toString() {
        String shown = body == null ? "" : new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
        return "[" + category + "] " + method + " " + (path.length() > 120 ? path.substring(0, 120) + "…" : path)
                + (shown.isEmpty() ? "" : " " + shown.replaceAll("\\p{Cntrl}", "?"));
    }
}
