package app.rekindle.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks the identity service for a demo token ({@code POST /demo/tokens}, on in demo mode only, to clients on this
 * machine only): the banner's token, and the people of the end-to-end and fault tests.
 */
public final class DemoTokens {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoTokens() {}

    public static String issue(HttpClient http, URI identityUrl, String username) {
        String body = JSON.createObjectNode().put("username", username).toString();
        HttpRequest request = HttpRequest.newBuilder(identityUrl.resolve("/demo/tokens"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode token = response.statusCode() / 100 == 2
                    ? JSON.readTree(response.body()).path("token")
                    : null;
            if (token == null || !token.isTextual()) {
                throw new IllegalStateException("POST " + request.uri() + " answered " + response.statusCode()
                        + " without a token: " + response.body());
            }
            return token.asText();
        } catch (IOException e) {
            throw new IllegalStateException("Could not get a demo token from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while getting a demo token", e);
        }
    }
}
