package app.rekindle.command.it;

import app.rekindle.support.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the running service, with tokens of the test issuer (Tokens). */
final class Api {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static final Tokens TOKENS = Tokens.ofTestIssuer();

    private final String baseUrl;

    Api(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    record Response(int status, String contentType, String location, JsonNode body) {}

    static String tokenFor(String subject) {
        return tokenFor(subject, null);
    }

    /** A token carrying an OAuth2 scope, e.g. the query service's {@code journal-keys}. */
    static String tokenFor(String subject, String scope) {
        return TOKENS.valid(subject, scope);
    }

    Response post(String path, String token, String json, String... headers) {
        return send("POST", path, token, json, headers);
    }

    Response delete(String path, String token, String... headers) {
        return send("DELETE", path, token, null, headers);
    }

    Response get(String path, String token) {
        return send("GET", path, token, null);
    }

    Response send(String method, String path, String token, String json, String... headers) {
        List<String> all = new ArrayList<>(List.of(headers));
        if (token != null) {
            all.addAll(List.of("Authorization", "Bearer " + token));
        }
        if (json != null) {
            all.addAll(List.of("Content-Type", "application/json"));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (!all.isEmpty()) {
            request.headers(all.toArray(String[]::new));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Location").orElse(null),
                    body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a journal for the subject and answers its id. */
    String openJournal(String token) {
        Response opened = post(
                "/journals",
                token,
                "{\"partnerName\":\"Sam\",\"intention\":\"Find our way back\",\"timezone\":\"Europe/Berlin\"}");
        if (opened.status() != 201) {
            throw new IllegalStateException("Opening a journal answered " + opened);
        }
        return opened.body().get("journalId").asString();
    }

    /** Opens a journal with one conversation and one planned date: ids for every path variable of the API. */
    Map<String, String> journalWithEntries(String token) {
        String journalId = openJournal(token);
        String entryId = post("/journals/" + journalId + "/conversations", token, conversation(3))
                .body()
                .get("entryId")
                .asString();
        String dateId = post(
                        "/journals/" + journalId + "/dates",
                        token,
                        "{\"plannedFor\":\"2026-12-24T18:00:00Z\",\"idea\":\"Picnic\",\"kind\":\"RECREATED_MEMORY\"}")
                .body()
                .get("dateId")
                .asString();
        return Map.of("journalId", journalId, "entryId", entryId, "dateId", dateId, "slug", "communicate-openly");
    }

    static String conversation(int feltHeard) {
        return """
                {"occurredAt":"2026-02-28T19:30:00Z","topic":"Evenings","initiatedBy":"ME","minutes":40,
                 "feltHeard":%d,"listenedWell":4,"outcome":"PARTLY_RESOLVED","notes":"Calmer"}""".formatted(feltHeard);
    }
}
