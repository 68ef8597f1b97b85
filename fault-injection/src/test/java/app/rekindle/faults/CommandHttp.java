package app.rekindle.faults;

import app.rekindle.faults.Outcome.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** POSTs commands with a bearer token and an Idempotency-Key, and logs every attempt's {@link Outcome}. */
final class CommandHttp {

    record Answer(Outcome outcome, JsonNode body) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI service;
    private final String token;
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

    CommandHttp(URI service, String token) {
        this.service = service;
        this.token = token;
    }

    Answer post(String path, String idempotencyKey, String body) {
        HttpRequest request = HttpRequest.newBuilder(service.resolve(path))
                .timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        Answer answer;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            Kind kind = status / 100 == 2 ? Kind.ACCEPTED : status >= 500 ? Kind.SERVER_ERROR : Kind.REJECTED;
            answer = new Answer(
                    new Outcome(kind, status, System.nanoTime()),
                    kind == Kind.ACCEPTED ? JSON.readTree(response.body()) : null);
        } catch (ConnectException refused) {
            answer = new Answer(new Outcome(Kind.REFUSED, 0, System.nanoTime()), null);
        } catch (IOException noAnswer) {
            answer = new Answer(new Outcome(Kind.NO_ANSWER, 0, System.nanoTime()), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer = new Answer(new Outcome(Kind.NO_ANSWER, 0, System.nanoTime()), null);
        }
        outcomes.add(answer.outcome());
        return answer;
    }

    List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }
}
