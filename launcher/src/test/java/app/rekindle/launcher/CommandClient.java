package app.rekindle.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough HTTP for the scale-out test: commands with an Idempotency-Key, and Prometheus scrapes. */
final class CommandClient {

    record Answer(int status, String journalId, long version) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Answer post(URI service, String path, String token, String idempotencyKey, String body) {
        HttpRequest request = HttpRequest.newBuilder(service.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode answer = JSON.readTree(response.body());
            return new Answer(
                    response.statusCode(),
                    answer.path("journalId").asText(null),
                    answer.path("version").asLong(-1));
        } catch (Exception e) {
            throw new IllegalStateException("POST " + request.uri() + " failed", e);
        }
    }

    String token(URI identityService, String user) {
        return DemoTokens.issue(http, identityService, user);
    }

    /** The sum of a Prometheus metric's series whose labels contain {@code labels}, e.g. outcome="accepted". */
    double metric(URI service, String name, String labels) {
        try {
            String scrape = http.send(
                            HttpRequest.newBuilder(service.resolve("/actuator/prometheus"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$")
                    .matcher(scrape);
            double sum = 0;
            while (line.find()) {
                if (labels.isEmpty() || line.group(1) != null && line.group(1).contains(labels)) {
                    sum += Double.parseDouble(line.group(2));
                }
            }
            return sum;
        } catch (Exception e) {
            throw new IllegalStateException("Scraping " + service + " failed", e);
        }
    }
}
