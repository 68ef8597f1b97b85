package app.rekindle.query.keys;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the projections get the journals' data keys to open sealed free text.
 *
 * @param keyServiceUrl       the command service, which holds the keys ({@code REKINDLE_CRYPTO_KEY_SERVICE_URL},
 *                            by default {@code REKINDLE_COMMAND_SERVICE_URL})
 * @param keyServiceTokenFile a file holding this service's bearer token with the {@code journal-keys} scope
 *                            ({@code REKINDLE_CRYPTO_KEY_SERVICE_TOKEN_FILE}); read on every key fetch, so a
 *                            renewed token is picked up without a restart
 * @param keyCacheSize        how many journals' keys are kept in memory
 * @param keyServiceTimeout   how long one key fetch may take
 */
@ConfigurationProperties("rekindle.crypto")
public record KeyServiceProperties(
        @DefaultValue("http://localhost:8080") URI keyServiceUrl,
        Path keyServiceTokenFile,
        @DefaultValue("10000") int keyCacheSize,
        @DefaultValue("5s") Duration keyServiceTimeout) {}
