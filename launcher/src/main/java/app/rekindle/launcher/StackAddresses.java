package app.rekindle.launcher;

import java.net.InetAddress;
import java.nio.file.Path;

/**
 * Where the parts of a running stack can be reached: what the service processes are told. {@code bindAddress} is
 * the address the services listen on (loopback unless the run was opened up, see {@link LauncherConfig}).
 */
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
        Path jwtPrivateKeyPem,
        InetAddress bindAddress) {

    /** Services listening on loopback only. */
    public StackAddresses(
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
        this(
                commandPort,
                queryPort,
                eventsJdbcUrl,
                viewsJdbcUrl,
                databaseUsername,
                databasePassword,
                kafkaBootstrapServers,
                topic,
                jwtPublicKeyPem,
                jwtPrivateKeyPem,
                LauncherConfig.LOOPBACK);
    }
}
