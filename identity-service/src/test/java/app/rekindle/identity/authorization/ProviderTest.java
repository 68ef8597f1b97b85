package app.rekindle.identity.authorization;

import app.rekindle.identity.RunningProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The provider as it runs, on a real port against the shared PostgreSQL (a schema of its own), with the query
 * service's secret file and demo tokens on. Test classes extending this share one running provider ({@link RunningProvider} plus the two).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class ProviderTest {

    protected static final int PORT = RunningProvider.freePort();
    protected static final String ISSUER = RunningProvider.issuer(PORT);
    protected static final String DASHBOARD = RunningProvider.DASHBOARD;
    protected static final String QUERY_SERVICE_SECRET = "the query service's secret, as the launcher wrote it";

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        RunningProvider.register(registry, PORT);
        registry.add("rekindle.identity.query-service-secret-file", () -> secretFile(QUERY_SERVICE_SECRET + "\n"));
        registry.add("rekindle.identity.demo.enabled", () -> "true");
    }

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected PasswordEncoder passwords;

    /** A person a test can sign in as (written straight to the table: sign-up is not what these tests are about). */
    protected UUID createAccount(String username, String password) {
        return RunningProvider.createAccount(jdbc, passwords, username, password);
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
}
