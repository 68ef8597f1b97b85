package app.rekindle.command.devtokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * Dev tokens for the embedded run and demos ({@code REKINDLE_DEV_TOKENS_ENABLED},
 * {@code REKINDLE_DEV_TOKENS_PRIVATE_KEY_LOCATION}); off unless enabled, never for production.
 *
 * @param enabled            create {@code POST /dev/tokens} at all
 * @param privateKeyLocation the PKCS#8 PEM RSA key matching the resource server's public key
 */
@ConfigurationProperties("rekindle.dev-tokens")
record DevTokenProperties(boolean enabled, Resource privateKeyLocation) {}
