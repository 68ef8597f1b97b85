package app.rekindle.launcher;

import java.nio.file.Path;

/** Where the parts of a running stack can be reached: what the service processes are told. */
public record StackAddresses(
        int commandPort,
        int queryPort,
        String eventsJdbcUrl,
        String viewsJdbcUrl,
        String databaseUsername,
        String databasePassword,
        String kafkaBootstrapServers,
        String topic,
        Path jwtPublicKeyPem,
        Path jwtPrivateKeyPem) {
}
