package app.rekindle.command.it;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A running command service for one test class, reached over HTTP ({@link #api}) and in its event store
 * ({@link #jdbc}). Each subclass wires it with a {@code @DynamicPropertySource} of its own that calls
 * {@link TestEnvironment#register}, so it gets its own Spring context, schema and topic; settings of its own go in
 * {@code @TestPropertySource}. {@link RunningCommandService} is the one context the read-only tests share.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class CommandServiceTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;

    @BeforeEach
    void connectApi() {
        api = new Api(port);
    }
}
