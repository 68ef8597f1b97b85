package app.rekindle.identity.config;

import app.rekindle.support.testing.ComposeEnvironmentContract;

/** docker-compose.yml passes the identity-service only variables it reads. */
class ComposeEnvironmentTest extends ComposeEnvironmentContract {

    ComposeEnvironmentTest() {
        super("identity-service");
    }
}
