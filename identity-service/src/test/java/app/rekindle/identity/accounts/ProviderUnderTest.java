package app.rekindle.identity.accounts;

import app.rekindle.identity.RunningProvider;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The provider the account, throttling and browser tests share (one Spring context: same port, schema and
 * properties: {@link RunningProvider} plus these), on real PostgreSQL, with short throttling limits so that blocks can be reached and outlived in a
 * test. Each test starts with nothing counted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class ProviderUnderTest {

    public static final int PORT = RunningProvider.freePort();
    public static final String ISSUER = RunningProvider.issuer(PORT);
    public static final String DASHBOARD = RunningProvider.DASHBOARD;
    public static final int ACCOUNT_FAILURES = 3;
    public static final int ADDRESS_FAILURES = 8;
    // Long enough for a loaded machine's browser to try once more while blocked, short enough to wait out.
    public static final Duration BLOCK = Duration.ofSeconds(15);
    public static final int SIGN_UPS_PER_ADDRESS = 6;
    public static final String SIGN_IN_FAILED =
            "That did not work. Check your user name and password — or wait a few minutes and try again.";

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        RunningProvider.register(registry, PORT);
        registry.add("rekindle.identity.throttle.account-failures", () -> ACCOUNT_FAILURES);
        registry.add("rekindle.identity.throttle.address-failures", () -> ADDRESS_FAILURES);
        registry.add("rekindle.identity.throttle.window", () -> "1m");
        registry.add("rekindle.identity.throttle.block", () -> BLOCK.toString());
        registry.add("rekindle.identity.throttle.longest-block", () -> "1m");
        registry.add("rekindle.identity.throttle.sign-ups-per-address", () -> SIGN_UPS_PER_ADDRESS);
    }

    @Autowired
    protected JdbcClient jdbc;

    /** Every test runs from 127.0.0.1: what one test counted must not block the next. */
    @BeforeEach
    void nothingCountedYet() {
        jdbc.sql("DELETE FROM sign_in_throttle").update();
    }

    /** A name no other test (or earlier run) took. */
    public static String newName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
