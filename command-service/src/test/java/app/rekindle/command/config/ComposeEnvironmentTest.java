package app.rekindle.command.config;

import app.rekindle.support.testing.ComposeEnvironmentContract;

/** docker-compose.yml passes the command-service only variables it reads. */
class ComposeEnvironmentTest extends ComposeEnvironmentContract {

    ComposeEnvironmentTest() {
        super("command-service");
    }
}
