package app.rekindle.query.config;

import app.rekindle.support.testing.ComposeEnvironmentContract;

/** docker-compose.yml passes the query-service only variables it reads. */
class ComposeEnvironmentTest extends ComposeEnvironmentContract {

    ComposeEnvironmentTest() {
        super("query-service");
    }
}
