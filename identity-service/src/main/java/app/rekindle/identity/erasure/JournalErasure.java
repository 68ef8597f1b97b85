package app.rekindle.identity.erasure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Asks the command service to erase every journal an account owns (crypto-shredding: each journal's key is
 * destroyed, so what it held can never be read again). The command service is the authority on who owns
 * what; it answers only after every journal is erased, and asking again erases nothing twice.
 */
@Component
class JournalErasure {

    private final ErasureProperties properties;
    private final ErasureTokens tokens;
    private final HttpClient http;

    JournalErasure(ErasureProperties properties, ErasureTokens tokens) {
        this.properties = properties;
        this.tokens = tokens;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.erasureTimeout())
                .build();
    }

    /** Returns once every journal of the account is erased; throws {@link NotErased} otherwise. */
    void eraseJournalsOf(UUID account) {
        URI uri = properties.commandServiceUrl().resolve("/internal/owners/" + account + "/erasure");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.erasureTimeout())
                .header("Authorization", "Bearer " + tokens.issue())
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        try {
            HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 200) {
                throw new NotErased("the command service answered " + answer.statusCode());
            }
        } catch (IOException e) {
            throw new NotErased("the command service did not answer: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotErased("interrupted");
        }
    }

    /** The journals are not (all) erased yet; the account must stay until they are. */
    static final class NotErased extends RuntimeException {
        NotErased(String reason) {
            super(reason);
        }
    }
}
