package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.launcher.EmbeddedStack;
import org.junit.jupiter.api.Test;

/**
 * The one-command run's smoke test: the real service jars (copied into target/services by the build) against
 * the embedded PostgreSQL and Kafka, on random ports with a throw-away data folder.
 */
class StackStartsTest {

    private final EmbeddedStack stack = RunningStack.get();

    @Test
    void both_services_become_ready_and_a_demo_token_is_issued() {
        assertThat(new Http(stack.commandUrl(), null)
                        .get("/actuator/health/readiness")
                        .status())
                .isEqualTo(200);
        assertThat(new Http(stack.queryUrl(), null)
                        .get("/actuator/health/readiness")
                        .status())
                .isEqualTo(200);
        assertThat(stack.demoToken()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        System.out.println("Embedded stack started in " + stack.startupTime().toMillis() + " ms");
    }
}
