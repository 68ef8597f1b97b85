package app.rekindle.command.keys;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sealing of free text in stored and published events.
 *
 * @param enabled       false stores new events' free text in plain form (for measuring the cost of sealing);
 *                      events sealed earlier still open
 * @param masterKey     base64 of the 256-bit master key that wraps the journals' data keys
 *                      ({@code REKINDLE_CRYPTO_MASTER_KEY}); never put it in the repository
 * @param masterKeyFile a file holding that base64 text instead ({@code REKINDLE_CRYPTO_MASTER_KEY_FILE})
 * @param keyCacheSize  how many journals' unwrapped data keys are kept in memory
 */
@ConfigurationProperties("rekindle.crypto")
public record CryptoProperties(
        @DefaultValue("true") boolean enabled,
        String masterKey,
        Path masterKeyFile,
        @DefaultValue("10000") int keyCacheSize) {}
