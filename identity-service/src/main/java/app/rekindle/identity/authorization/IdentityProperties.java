package app.rekindle.identity.authorization;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/**
 * What this provider needs to know about where it runs.
 *
 * @param issuer the URL people's browsers and the services reach it at; every token names it in {@code iss}
 * @param signingKeyLocation the RSA private key (PKCS#8 PEM) tokens are signed with; kept in a file so tokens
 *     stay valid across restarts
 * @param dashboardUris where the dashboard may be sent back to after sign-in and sign-out
 * @param queryServiceSecretFile the query service's client secret (the file it reads too); unset, that client
 *     is not registered
 */
@ConfigurationProperties("rekindle.identity")
public record IdentityProperties(
        URI issuer, Resource signingKeyLocation, List<URI> dashboardUris, Path queryServiceSecretFile) {

    public IdentityProperties {
        if (issuer == null || signingKeyLocation == null) {
            throw new IllegalArgumentException(
                    "rekindle.identity.issuer and rekindle.identity.signing-key-location are required");
        }
        dashboardUris = dashboardUris == null ? List.of() : List.copyOf(dashboardUris);
    }
}
