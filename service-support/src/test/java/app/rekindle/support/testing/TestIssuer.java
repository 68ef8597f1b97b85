package app.rekindle.support.testing;

import app.rekindle.embedded.SharedTestInfrastructure;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The issuer the services' tests trust: the shared test key published as a JWK set over HTTP in this JVM, the
 * way the identity service publishes its own. A service under test is configured exactly as in compose — JWK set
 * URI, issuer URI, audience — so signature, issuer and audience are all checked, while tokens are still made in
 * the test ({@link Tokens}) without starting a provider.
 */
public final class TestIssuer {

    public static final String AUDIENCE = "rekindle-api";
    private static final String JWT = "spring.security.oauth2.resourceserver.jwt";

    private static TestIssuer started;

    private final String issuer;
    private final RSAKey key;

    private TestIssuer(String issuer, RSAKey key) {
        this.issuer = issuer;
        this.key = key;
    }

    public static synchronized TestIssuer get() {
        if (started == null) {
            started = start();
        }
        return started;
    }

    /** Makes a service under test a resource server of this issuer. */
    public static void register(DynamicPropertyRegistry registry) {
        TestIssuer issuer = get();
        registry.add(JWT + ".issuer-uri", issuer::issuer);
        registry.add(JWT + ".jwk-set-uri", issuer::jwkSetUri);
        registry.add(JWT + ".audiences", () -> AUDIENCE);
    }

    public String issuer() {
        return issuer;
    }

    public String jwkSetUri() {
        return issuer + "/oauth2/jwks";
    }

    /** The signing key, private part included: what {@link Tokens} signs with. */
    RSAKey key() {
        return key;
    }

    private static TestIssuer start() {
        var keys = SharedTestInfrastructure.get().jwtKeys();
        try {
            RSAKey key = new RSAKey.Builder(keys.publicKey())
                    .privateKey(keys.privateKey())
                    .keyIDFromThumbprint()
                    .build();
            byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/oauth2/jwks", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, jwks.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(jwks);
                }
            });
            // Lives as long as the test JVM, like the shared PostgreSQL and Kafka.
            server.start();
            return new TestIssuer("http://localhost:" + server.getAddress().getPort(), key);
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot publish the test key", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test issuer", e);
        }
    }
}
