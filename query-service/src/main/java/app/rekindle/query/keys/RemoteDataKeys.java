package app.rekindle.query.keys;

import app.rekindle.events.JournalEventJson;
import app.rekindle.events.privacy.DataKey;
import app.rekindle.events.privacy.DataKeys;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Journals' data keys, fetched from the command service's internal key path with this service's own credential
 * ({@link KeyServiceCredentials})
 * and kept in a bounded cache. 410 Gone means the journal was erased; 404 (no such key) makes the record
 * unreadable; any other failure is an outage to retry, never an erasure. A key learnt to be destroyed stays so.
 */
@Component
class RemoteDataKeys implements DataKeys {

    /** A cached answer: the key, or null once destroyed. */
    private record Known(DataKey key) {}

    private final KeyServiceProperties properties;
    private final HttpClient http;
    private final KeyServiceCredentials credentials;
    private final Cache<UUID, Known> cache;

    RemoteDataKeys(KeyServiceProperties properties) {
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.keyServiceTimeout())
                .build();
        this.credentials = new KeyServiceCredentials(properties, http, Clock.systemUTC());
        this.cache =
                Caffeine.newBuilder().maximumSize(properties.keyCacheSize()).build();
    }

    @Override
    public Optional<DataKey> find(UUID journalId, String keyId) {
        Known known = cache.getIfPresent(journalId);
        if (known == null) {
            known = fetch(journalId);
            remember(journalId, known);
        }
        if (known.key() != null && !known.key().keyId().equals(keyId)) {
            throw new IllegalArgumentException("Journal " + journalId + " has no key " + keyId);
        }
        return Optional.ofNullable(known.key());
    }

    /** The journal was erased: its key is gone for good. */
    void destroyed(UUID journalId) {
        cache.put(journalId, new Known(null));
    }

    /** Fetched outside the cache (no lock held over HTTP); an erasure learnt meanwhile wins. */
    private void remember(UUID journalId, Known known) {
        cache.asMap().compute(journalId, (id, before) -> before == null || before.key() != null ? known : before);
    }

    /** How many journals' answers are held once pending evictions have run. */
    long cached() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    private Known fetch(UUID journalId) {
        HttpRequest request = HttpRequest.newBuilder(
                        properties.keyServiceUrl().resolve("/internal/journals/" + journalId + "/data-key"))
                .timeout(properties.keyServiceTimeout())
                .header("Authorization", "Bearer " + credentials.bearer())
                .header("Accept", "application/json")
                .GET()
                .build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 410) {
                return new Known(null);
            }
            if (response.statusCode() == 404) {
                // No journal ever had a key by this id: the record is bogus, and is parked rather than retried.
                throw new IllegalArgumentException("No key exists for journal " + journalId);
            }
            if (response.statusCode() == 401) {
                credentials.forget();
            }
            if (response.statusCode() != 200) {
                throw new KeyServiceUnavailable("The key service answered " + response.statusCode());
            }
            JsonNode body = JournalEventJson.mapper().readTree(response.body());
            return new Known(DataKey.of(
                    body.get("keyId").stringValue(),
                    Base64.getDecoder().decode(body.get("key").stringValue())));
        } catch (IOException e) {
            throw new KeyServiceUnavailable("The key service cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyServiceUnavailable("Interrupted while fetching a key", e);
        }
    }
}
