package app.rekindle.command.it;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** One running service shared (one cached Spring context) by the tests that look at it from outside: docs, metrics. */
abstract class RunningCommandService extends CommandServiceTest {

    static TestEnvironment environment;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        environment = TestEnvironment.register(registry, "ops");
    }
}
