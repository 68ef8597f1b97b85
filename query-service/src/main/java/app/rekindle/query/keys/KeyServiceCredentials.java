package app.rekindle.query.keys;

import app.rekindle.events.JournalEventJson;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * This service's bearer token for the command service's key path: an OAuth 2.0 client-credentials grant at the
 * identity provider (HTTP Basic, scope {@code journal-keys}), kept until a minute before it expires. Plain
 * {@code java.net.http} rather than Spring's OAuth2 client, which would ask the provider for its metadata at start
 * and take the secret from a property instead of a file. Any failure is {@link KeyServiceUnavailable}: the record
 * is retried, never taken as erased.
 */
final class KeyServiceCredentials {

    static final String SCOPE = "journal-keys";
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

    private record Token(String value, Instant renewAt) {}

    private final KeyServiceProperties properties;
    private final HttpClient http;
    private final Clock clock;
    private Token token;

    KeyServiceCredentials(KeyServiceProperties properties, HttpClient http, Clock clock) {
        this.properties = properties;
        this.http = http;
        this.clock = clock;
    }

    synchronized String bearer() {
        if (token == null || !clock.instant().isBefore(token.renewAt())) {
            token = fetch();
        }
        return token.value();
    }

    /** The key service refused the token (revoked, or the provider's key changed): the next call fetches anew. */
    synchronized void forget() {
        token = null;
    }

    private Token fetch() {
        if (properties.keyServiceTokenUri() == null || properties.keyServiceClientSecretFile() == null) {
            throw new KeyServiceUnavailable("No credential for the key service: set"
                    + " rekindle.crypto.key-service-token-uri and rekindle.crypto.key-service-client-secret-file");
        }
        String basic = Base64.getEncoder()
                .encodeToString((properties.keyServiceClientId() + ":" + secret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(properties.keyServiceTokenUri())
                .timeout(properties.keyServiceTimeout())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&scope=" + SCOPE))
                .build();
        Instant asked = clock.instant();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new KeyServiceUnavailable(
                        "The token endpoint " + request.uri() + " answered " + response.statusCode());
            }
            JsonNode body = JournalEventJson.mapper().readTree(response.body());
            String value = body.path("access_token").asString("");
            long expiresIn = body.path("expires_in").asLong(0);
            if (value.isBlank() || expiresIn <= 0) {
                throw new KeyServiceUnavailable("The token endpoint " + request.uri() + " answered no usable token");
            }
            return new Token(value, asked.plusSeconds(expiresIn).minus(RENEW_BEFORE_EXPIRY));
        } catch (IOException | JacksonException e) {
            throw new KeyServiceUnavailable("No token from " + request.uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyServiceUnavailable("Interrupted while fetching a token", e);
        }
    }

    private String secret() {
        try {
            return Files.readString(properties.keyServiceClientSecretFile()).strip();
        } catch (IOException e) {
            throw new KeyServiceUnavailable("Cannot read rekindle.crypto.key-service-client-secret-file", e);
        }
    }
}
