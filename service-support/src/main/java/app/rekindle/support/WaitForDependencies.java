package app.rekindle.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Holds a service's start back until PostgreSQL (and, where asked, Kafka) answer, saying so in the log, instead
 * of letting Flyway or the topic check fail the start and the process exit: after a reboot or in a fresh
 * deployment the services are often up before their database and broker. Gives up, just as clearly, after
 * {@code rekindle.startup.wait-timeout}. Added in each service's {@code main}, so tests (which start their
 * infrastructure first) never wait.
 */
public final class WaitForDependencies implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    private static final Logger log = LoggerFactory.getLogger(WaitForDependencies.class);

    private final boolean kafka;

    private WaitForDependencies(boolean kafka) {
        this.kafka = kafka;
    }

    /** The command service: Flyway needs the database, the publisher's topic check needs the broker. */
    public static WaitForDependencies postgresAndKafka() {
        return new WaitForDependencies(true);
    }

    /** The query service: its consumer reconnects to Kafka on its own, meanwhile readiness says it is down. */
    public static WaitForDependencies postgres() {
        return new WaitForDependencies(false);
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Environment environment = context.getEnvironment();
        Binder binder = Binder.get(environment);
        Duration timeout =
                binder.bind("rekindle.startup.wait-timeout", Duration.class).orElse(DEFAULT_TIMEOUT);
        List<Dependency> dependencies = new ArrayList<>();
        dependencies.add(new PostgresDependency(
                environment.getProperty("spring.datasource.url"),
                environment.getProperty("spring.datasource.username"),
                environment.getProperty("spring.datasource.password")));
        if (kafka) {
            dependencies.add(new KafkaDependency(environment.getProperty("rekindle.kafka.bootstrap-servers")));
        }
        dependencies.forEach(dependency -> new DependencyWait(dependency, timeout, log).await());
    }
}
