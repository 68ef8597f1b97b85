package app.rekindle.identity.authorization;

import app.rekindle.embedded.SharedTestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The provider as it runs, on a real port against the shared PostgreSQL (a schema of its own), with the query
 * service's secret file and demo tokens on. Test classes extending this share one running provider.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class ProviderTest {

    protected static final int PORT = freePort();
    protected static final String ISSUER = "http://localhost:" + PORT;
    protected static final String DASHBOARD = "http://localhost:8081/";
    protected static final String QUERY_SERVICE_SECRET = "the query service's secret, as the launcher wrote it";

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        register(registry, "identity_" + UUID.randomUUID().toString().substring(0, 8), PORT);
        registry.add("rekindle.identity.query-service-secret-file", () -> secretFile(QUERY_SERVICE_SECRET + "\n"));
        registry.add("rekindle.identity.demo.enabled", () -> "true");
    }

    /** What every provider under test needs: its schema, port, issuer, dashboard and signing key. */
    public static void register(DynamicPropertyRegistry registry, String schema, int port) {
        properties(schema, port).forEach((name, value) -> registry.add(name, () -> value));
    }

    public static Map<String, Object> properties(String schema, int port) {
        SharedTestInfrastructure infra = SharedTestInfrastructure.get();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", infra.jdbcUrl(schema));
        properties.put("spring.datasource.username", infra.postgres().username());
        properties.put("spring.datasource.password", infra.postgres().password());
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.default-schema", schema);
        properties.put("server.port", port);
        properties.put("server.address", "127.0.0.1");
        properties.put("rekindle.identity.issuer", "http://localhost:" + port);
        properties.put("rekindle.identity.dashboard-uris", DASHBOARD);
        properties.put(
                "rekindle.identity.signing-key-location",
                infra.jwtKeys().privateKeyPem().toUri().toString());
        return properties;
    }

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected PasswordEncoder passwords;

    /** A person a test can sign in as (written straight to the table: sign-up is not what these tests are about). */
    protected UUID createAccount(String username, String password) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO account (id, username, username_key, password_hash) VALUES (?, ?, lower(?), ?)")
                .params(id, username, username, passwords.encode(password))
                .update();
        return id;
    }

    /** A user name no other test of the shared provider uses. */
    protected static String uniqueName(String base) {
        return base + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    public static String secretFile(String content) {
        try {
            Path file = Files.createTempFile("query-service", ".secret");
            file.toFile().deleteOnExit();
            Files.writeString(file, content);
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
