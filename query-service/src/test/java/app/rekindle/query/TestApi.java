package app.rekindle.query;

import app.rekindle.support.testing.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Plain HTTP against the running service, with tokens of the test issuer (Tokens). */
public final class TestApi {

    public record Response(int status, HttpHeaders headers, String raw, JsonNode body) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Tokens TOKENS = Tokens.ofTestIssuer();

    private final int port;

    public TestApi(int port) {
        this.port = port;
    }

    public Response get(String path, String subject) {
        return send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .timeout(Duration.ofSeconds(20))
                        .GET(),
                subject);
    }

    /** A POST with a JSON body (or none if null). */
    public Response post(String path, String json, String subject) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (json == null) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return send(request, subject);
    }

    private Response send(HttpRequest.Builder request, String subject) {
        if (subject != null) {
            request.header("Authorization", "Bearer " + token(subject));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String raw = response.body();
            boolean json =
                    response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode body = raw == null || raw.isBlank() || !json ? null : JSON.readTree(raw);
            return new Response(response.statusCode(), response.headers(), raw, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String token(String subject) {
        return TOKENS.valid(subject);
    }
}
