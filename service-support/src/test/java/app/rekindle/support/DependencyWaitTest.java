package app.rekindle.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.rekindle.embedded.SharedTestInfrastructure;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DependencyWaitTest {

    @Test
    void waits_until_the_dependency_answers() {
        Scripted dependency = new Scripted("Connection refused", "Connection refused", null);

        wait(dependency, Duration.ofMinutes(1));

        assertThat(dependency.remaining()).isZero();
    }

    @Test
    void gives_up_after_the_timeout_saying_what_it_waited_for_and_how_to_wait_longer() {
        Scripted dependency = new Scripted("Connection refused", "Connection refused", "Connection refused");

        assertThatThrownBy(() -> wait(dependency, Duration.ZERO))
                .hasMessageContaining("Gave up waiting for scripted at localhost:1")
                .hasMessageContaining("Connection refused")
                .hasMessageContaining("rekindle.startup.wait-timeout");
    }

    @Test
    void a_running_postgres_answers_and_a_closed_port_does_not() {
        var infrastructure = SharedTestInfrastructure.get();
        var postgres = infrastructure.postgres();
        String url = infrastructure.jdbcUrl("public");

        assertThat(new PostgresDependency(url, postgres.username(), postgres.password()).problem())
                .isNull();
        PostgresDependency closed = new PostgresDependency(
                "jdbc:postgresql://localhost:1/rekindle?currentSchema=events", "someone", "secret");
        assertThat(closed.problem()).contains("Connection");
        assertThat(closed.describe()).isEqualTo("PostgreSQL at localhost:1/rekindle");
    }

    @Test
    void a_missing_database_is_not_waited_for_since_waiting_would_not_create_it() {
        var infrastructure = SharedTestInfrastructure.get();
        var postgres = infrastructure.postgres();
        String url = postgres.jdbcUrl("no_such_database", "public");

        assertThat(new PostgresDependency(url, postgres.username(), postgres.password()).problem())
                .isNull();
    }

    @Test
    void a_running_broker_answers_and_a_closed_port_does_not() {
        String running = SharedTestInfrastructure.get().kafka().bootstrapServers();

        assertThat(new KafkaDependency(running).problem()).isNull();
        assertThat(new KafkaDependency("localhost:1").problem()).isNotNull();
    }

    private static void wait(Dependency dependency, Duration timeout) {
        new DependencyWait(dependency, timeout, LoggerFactory.getLogger(DependencyWaitTest.class)).await();
    }

    /** Answers with the given problems in turn (null = it answers). */
    private static final class Scripted implements Dependency {
        private final Deque<String> problems = new ArrayDeque<>();

        Scripted(String... problems) {
            Arrays.stream(problems).forEach(problem -> this.problems.add(problem == null ? "" : problem));
        }

        @Override
        public String describe() {
            return "scripted at localhost:1";
        }

        @Override
        public String problem() {
            String next = problems.isEmpty() ? "" : problems.poll();
            return next.isEmpty() ? null : next;
        }

        int remaining() {
            return problems.size();
        }
    }
}
