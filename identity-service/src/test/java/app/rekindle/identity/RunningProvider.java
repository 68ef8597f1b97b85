package app.rekindle.identity;

import app.rekindle.embedded.SharedTestInfrastructure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every identity test's provider is: the real service on a real port of its own, against the shared
 * PostgreSQL in a schema of its own, signing with the shared test key. The one place each test's
 * {@code @DynamicPropertySource} starts from; a test adds only what is particular to it (throttling limits, demo
 * tokens, a stand-in's address).
 */
public final class RunningProvider {

    /** Where the dashboard lives unless a test stands one up itself (the service's own default). */
    public static final String DASHBOARD = "http://localhost:8081/";

    private RunningProvider() {}

    /** The provider on {@code port} with a fresh schema, sending the browser back to {@link #DASHBOARD}. */
    public static void register(DynamicPropertyRegistry registry, int port) {
        register(registry, newSchema(), port, DASHBOARD);
    }

    public static void register(DynamicPropertyRegistry registry, String schema, int port, String dashboard) {
        properties(schema, port, dashboard).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same as properties, for a test that starts the application itself. */
    public static Map<String, Object> properties(String schema, int port, String dashboard) {
        SharedTestInfrastructure infra = SharedTestInfrastructure.get();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", infra.jdbcUrl(schema));
        properties.put("spring.datasource.username", infra.postgres().username());
        properties.put("spring.datasource.password", infra.postgres().password());
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.default-schema", schema);
        properties.put("server.port", port);
        properties.put("server.address", "127.0.0.1");
        properties.put("rekindle.identity.issuer", issuer(port));
        properties.put("rekindle.identity.dashboard-uris", dashboard);
        properties.put(
                "rekindle.identity.signing-key-location",
                infra.jwtKeys().privateKeyPem().toUri().toString());
        return properties;
    }

    public static String issuer(int port) {
        return "http://localhost:" + port;
    }

    /** A schema no other provider (or earlier run) uses. */
    public static String newSchema() {
        return "identity_" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A person a test can sign in as, written straight to the table: sign-up is not what such tests are about. */
    public static UUID createAccount(JdbcClient jdbc, PasswordEncoder passwords, String username, String password) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO person_account (id, username, username_key, password_hash) VALUES (?, ?, lower(?), ?)")
                .params(id, username, username, passwords.encode(password))
                .update();
        return id;
    }
}
