package app.rekindle.support.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A hostile corpus walked from a service's OpenAPI description: each service says what to send per
 * operation; the walk, the path filling and the token cases every protected operation gets are here.
 */
public abstract class SpecCorpus {

    protected final JsonNode spec;
    protected final Map<String, String> ids;
    protected final String token;
    private final Map<String, String> badTokens;
    protected final List<BadRequest> out = new ArrayList<>();

    /** @param ids what to put for each path variable ({journalId} …) so that only the broken part is wrong */
    protected SpecCorpus(JsonNode spec, Map<String, String> ids, String token, Map<String, String> badTokens) {
        this.spec = spec;
        this.ids = ids;
        this.token = token;
        this.badTokens = badTokens;
    }

    public List<BadRequest> build() {
        spec.get("paths").properties().stream()
                .filter(path -> !serviceOnly(path.getKey()))
                .forEach(path -> path.getValue()
                        .properties()
                        .forEach(operation ->
                                operation(operation.getKey().toUpperCase(), path.getKey(), operation.getValue())));
        return out;
    }

    /**
     * Paths for other services' credentials only (the command service's key path): a person's token is refused
     * there with 403 before anything else is looked at, which the services' privacy tests check; walking them
     * with a person's token would only expect answers they rightly never give.
     */
    public static boolean serviceOnly(String path) {
        return path.startsWith("/internal/");
    }

    protected abstract void operation(String method, String template, JsonNode operation);

    /** No token, a Basic one, a token in the query string, and every bad bearer token: each a 401. */
    protected void tokenCases(String method, String path, String validBody) {
        out.add(tag(withBody(BadRequest.of("", method, path), validBody), "no-token")
                .answers(401));
        out.add(tag(
                        withBody(
                                BadRequest.of("", method, path).header("Authorization", "Basic YWxpY2U6c2VjcmV0"),
                                validBody),
                        "bad-token")
                .answers(401));
        out.add(tag(
                        withBody(
                                BadRequest.of("", method, path + "?access_token=" + token)
                                        .secret(token),
                                validBody),
                        "bad-token")
                .answers(401));
        badTokens
                .values()
                .forEach(bad ->
                        out.add(tag(withBody(BadRequest.of("", method, path).bearer(bad), validBody), "bad-token")
                                .answers(401)));
    }

    /**
     * 405 for PUT and PATCH, which no path takes; any refusal for DELETE and POST, which a neighbouring
     * template may take ({@code DELETE /journals/import} is {@code DELETE /journals/{journalId}} with a bad id).
     */
    protected static int wrongMethodStatus(String method) {
        return method.equals("PUT") || method.equals("PATCH") ? 405 : 0;
    }

    /** The same request with a query parameter added. */
    protected static BadRequest query(BadRequest call, String name, String value) {
        return new BadRequest(
                "",
                call.method(),
                call.path() + "?" + name + "=" + value,
                call.headers(),
                call.body(),
                false,
                0,
                null,
                Set.of(),
                call.secrets());
    }

    protected static BadRequest withBody(BadRequest request, String json) {
        return json == null ? request : request.json(json);
    }

    protected static BadRequest tag(BadRequest request, String category) {
        return new BadRequest(
                category,
                request.method(),
                request.path(),
                request.headers(),
                request.body(),
                request.chunked(),
                request.status(),
                request.field(),
                request.rules(),
                request.secrets());
    }

    /**
     * The template with every id filled in, the one named replaced by {@code value}; a path variable this
     * corpus has no id for (a newer endpoint's) gets a random UUID, so the walk still reaches it.
     */
    protected String fill(String template, String name, String value) {
        String path = template;
        for (var id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getKey().equals(name) ? value : id.getValue());
        }
        return path.replaceAll("\\{[^}/]+}", UUID.randomUUID().toString());
    }

    /** Methods the description does not list for this path: each must answer 405. */
    protected List<String> undescribedMethods(String template) {
        Set<String> described = new java.util.HashSet<>();
        spec.get("paths").get(template).propertyNames().forEach(method -> described.add(method.toUpperCase()));
        return java.util.stream.Stream.of("PUT", "PATCH", "DELETE", "POST")
                .filter(m -> !described.contains(m))
                .toList();
    }
}
