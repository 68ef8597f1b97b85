package app.rekindle.launcher;

import java.net.InetAddress;
import java.nio.file.Path;

/**
 * Where the parts of a running stack can be reached: what the service processes are told. {@code bindAddress} is
 * the address the services listen on (loopback unless the run was opened up, see {@link LauncherConfig}).
 * {@code identityPort} and {@code identityJdbcUrl} are this run's identity service; with an external provider
 * they are unused.
 */
public record StackAddresses(
        int commandPort,
        int queryPort,
        int identityPort,
        String eventsJdbcUrl,
        String viewsJdbcUrl,
        String identityJdbcUrl,
        String databaseUsername,
        String databasePassword,
        String kafkaBootstrapServers,
        String topic,
        Path jwtPrivateKeyPem,
        IdentityProvider provider,
        InetAddress bindAddress) {

    /** The folder of the run's keys and secrets: the JWT private key's. */
    public Path keysDir() {
        return jwtPrivateKeyPem.getParent();
    }
}
