package app.rekindle.launcher;

import java.net.URI;
import java.nio.file.Path;

/**
 * The OpenID Connect provider both services trust, and where the query service gets its own token: the identity
 * service this run starts, or an external one ({@code REKINDLE_ISSUER_URI}).
 *
 * @param issuer the provider's issuer URL; every token names it in {@code iss}, the services find its keys from it
 * @param tokenUri its token endpoint, for the query service's client-credentials grant
 * @param queryClientSecretFile the query service's client secret, a file both the provider and the query service
 *     read
 */
public record IdentityProvider(URI issuer, URI tokenUri, Path queryClientSecretFile) {

    public IdentityProvider {
        if (issuer == null || tokenUri == null || queryClientSecretFile == null) {
            throw new IllegalArgumentException("An identity provider needs an issuer, a token URI and a secret file");
        }
    }

    /** The identity service of this run, on this machine. */
    public static IdentityProvider local(int port, Path queryClientSecretFile) {
        URI issuer = URI.create("http://localhost:" + port);
        return new IdentityProvider(issuer, issuer.resolve("/oauth2/token"), queryClientSecretFile);
    }
}
