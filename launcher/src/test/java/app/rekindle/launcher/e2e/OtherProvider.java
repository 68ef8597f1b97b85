package app.rekindle.launcher.e2e;

import app.rekindle.embedded.LocalJwtKeys;
import app.rekindle.launcher.EmbeddedStack;
import app.rekindle.launcher.IdentityProvider;
import app.rekindle.launcher.LauncherConfig;
import app.rekindle.launcher.Ports;
import app.rekindle.launcher.Readiness;
import app.rekindle.launcher.ServiceCredentials;
import app.rekindle.launcher.ServiceEnvironment;
import app.rekindle.launcher.ServiceJars;
import app.rekindle.launcher.ServiceProcess;
import app.rekindle.launcher.StackAddresses;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A second, independently started instance of our identity service: its own key, issuer, schema and client
 * secret, on the stack's PostgreSQL. What an "external" provider looks like to a stack that does not trust it —
 * or to one configured to trust it ({@code REKINDLE_ISSUER_URI}).
 */
final class OtherProvider implements AutoCloseable {

    private final ServiceProcess process;
    private final IdentityProvider provider;

    private OtherProvider(ServiceProcess process, IdentityProvider provider) {
        this.process = process;
        this.provider = provider;
    }

    /** Started beside {@code stack}, on its PostgreSQL, in schema {@code schema}. */
    static OtherProvider start(EmbeddedStack stack, String schema, boolean demo) {
        try {
            Path keys = Files.createTempDirectory("rekindle-other-provider-");
            LocalJwtKeys jwt = LocalJwtKeys.createOrLoad(keys);
            ServiceCredentials.ensure(keys);
            int port = Ports.resolve(0, "other provider");
            IdentityProvider provider = IdentityProvider.local(port, ServiceCredentials.queryClientSecretFile(keys));
            String jdbcUrl = stack.jdbcUrl(schema);
            StackAddresses addresses = new StackAddresses(
                    stack.commandUrl().getPort(),
                    stack.queryUrl().getPort(),
                    port,
                    jdbcUrl,
                    jdbcUrl,
                    jdbcUrl,
                    stack.databaseUsername(),
                    stack.databasePassword(),
                    stack.kafkaBootstrapServers(),
                    stack.topic(),
                    jwt.privateKeyPem(),
                    provider,
                    LauncherConfig.LOOPBACK);
            Map<String, String> environment = ServiceEnvironment.identity(addresses, demo);
            environment.put("SPRING_FLYWAY_SCHEMAS", schema);
            environment.put("SPRING_FLYWAY_DEFAULT_SCHEMA", schema);
            ServiceProcess process = ServiceProcess.start(
                    "other-provider",
                    ServiceJars.locate(System.getProperties()).identity(),
                    "256m",
                    environment,
                    System.out);
            OtherProvider other = new OtherProvider(process, provider);
            try {
                Readiness.await(HttpClient.newHttpClient(), provider.issuer(), process, Duration.ofSeconds(180));
                return other;
            } catch (RuntimeException e) {
                other.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IdentityProvider provider() {
        return provider;
    }

    /** A genuine access token of this provider for Rekindle's API: its query-service client's. */
    String clientCredentialsToken() {
        return Http.queryServiceToken(provider);
    }

    URI url() {
        return provider.issuer();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(20));
    }
}
