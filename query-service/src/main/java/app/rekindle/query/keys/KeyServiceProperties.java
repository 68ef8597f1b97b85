package app.rekindle.query.keys;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the projections get the journals' data keys to open sealed free text, and the credential they fetch
 * them with: a client-credentials token of the identity provider, scope {@code journal-keys}.
 *
 * @param keyServiceUrl              the command service, which holds the keys ({@code REKINDLE_CRYPTO_KEY_SERVICE_URL},
 *                                   by default {@code REKINDLE_COMMAND_SERVICE_URL})
 * @param keyServiceTokenUri         the provider's token endpoint ({@code REKINDLE_CRYPTO_KEY_SERVICE_TOKEN_URI})
 * @param keyServiceClientId         this service's client id at the provider
 * @param keyServiceClientSecretFile a file holding this service's client secret
 *                                   ({@code REKINDLE_CRYPTO_KEY_SERVICE_CLIENT_SECRET_FILE}); read on every token
 *                                   fetch, so a rotated secret is picked up without a restart
 * @param keyCacheSize               how many journals' keys are kept in memory
 * @param keyServiceTimeout          how long one key or token fetch may take
 */
@ConfigurationProperties("rekindle.crypto")
public record KeyServiceProperties(
        @DefaultValue("http://localhost:8080") URI keyServiceUrl,
        URI keyServiceTokenUri,
        @DefaultValue("rekindle-query-service") String keyServiceClientId,
        Path keyServiceClientSecretFile,
        @DefaultValue("10000") int keyCacheSize,
        @DefaultValue("5s") Duration keyServiceTimeout) {}
