package app.rekindle.launcher;

import app.rekindle.embedded.EmbeddedKafkaBroker;
import app.rekindle.embedded.EmbeddedPostgresServer;
import app.rekindle.embedded.LocalJwtKeys;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL, the Kafka broker, the JWT keys (the identity service signs with the private one) and the service
 * credentials of a run, all under one data folder.
 */
final class LocalInfrastructure implements AutoCloseable {

    static final String DATABASE = "rekindle";

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;
    private final LocalJwtKeys keys;

    private LocalInfrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka, LocalJwtKeys keys) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.keys = keys;
    }

    static LocalInfrastructure start(Path dataDir, int postgresPort, int kafkaPort, String topic, int partitions) {
        // slf4j initialises on first use; two threads racing into that make it print a warning.
        LoggerFactory.getILoggerFactory();
        // PostgreSQL is a separate process that mostly needs waiting for, Kafka is CPU in this JVM:
        // side by side they start a few seconds sooner.
        CompletableFuture<EmbeddedPostgresServer> startingPostgres =
                CompletableFuture.supplyAsync(() -> EmbeddedPostgresServer.start(postgresDir(dataDir), postgresPort));
        EmbeddedKafkaBroker kafka;
        try {
            kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort);
        } catch (RuntimeException e) {
            try {
                startingPostgres.join().close();
            } catch (CompletionException alsoFailed) {
                e.addSuppressed(alsoFailed.getCause());
            }
            throw e;
        }
        EmbeddedPostgresServer postgres;
        try {
            postgres = startingPostgres.join();
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        LocalInfrastructure infrastructure =
                new LocalInfrastructure(postgres, kafka, LocalJwtKeys.createOrLoad(dataDir.resolve("keys")));
        try {
            ServiceCredentials.ensure(dataDir.resolve("keys"));
            postgres.createDatabaseIfMissing(DATABASE);
            kafka.createTopic(topic, partitions);
            return infrastructure;
        } catch (RuntimeException e) {
            infrastructure.close();
            throw e;
        }
    }

    static Path postgresDir(Path dataDir) {
        return dataDir.resolve("postgres");
    }

    /** With {@code provider} null, the identity service of this run on {@code identityPort}. */
    StackAddresses addresses(
            int commandPort,
            int queryPort,
            int identityPort,
            String topic,
            IdentityProvider provider,
            InetAddress bindAddress) {
        Path keysDir = keys.privateKeyPem().getParent();
        return new StackAddresses(
                commandPort,
                queryPort,
                identityPort,
                postgres.jdbcUrl(DATABASE, "events"),
                postgres.jdbcUrl(DATABASE, "views"),
                postgres.jdbcUrl(DATABASE, "identity"),
                postgres.username(),
                postgres.password(),
                kafka.bootstrapServers(),
                topic,
                keys.privateKeyPem(),
                provider != null
                        ? provider
                        : IdentityProvider.local(identityPort, ServiceCredentials.queryClientSecretFile(keysDir)),
                bindAddress);
    }

    int postgresPort() {
        return postgres.port();
    }

    String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    String jdbcUrl(String schema) {
        return postgres.jdbcUrl(DATABASE, schema);
    }

    /** Kafka, then PostgreSQL: the reverse of the order in which things depend on them. */
    @Override
    public void close() {
        stopQuietly("Kafka", kafka);
        stopQuietly("PostgreSQL", postgres);
    }

    private static void stopQuietly(String what, AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            // Keep going: the next server must still be stopped.
            System.err.println("Rekindle: " + what + " did not stop cleanly: " + e.getMessage());
        }
    }
}
