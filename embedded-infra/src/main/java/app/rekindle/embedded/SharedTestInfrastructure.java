package app.rekindle.embedded;

import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;

/**
 * One PostgreSQL, one Kafka broker and one JWT key pair for all the tests of a JVM: starting them takes
 * seconds, so test classes share them and keep apart by schema and topic name instead. Where Docker is
 * available (and Testcontainers on the class path) they are containers of the images docker-compose.yml runs;
 * otherwise the same embedded servers as the one-command run, on random ports in temporary directories. The
 * choice is printed once; {@code -Drekindle.test.infrastructure=embedded|containers} (or the environment
 * variable {@code REKINDLE_TEST_INFRASTRUCTURE}) forces it. Everything is stopped when the JVM exits.
 */
public final class SharedTestInfrastructure {

    public enum Provider {
        EMBEDDED,
        CONTAINERS
    }

    private static final String DATABASE = "rekindle";
    private static final int TEST_TOPIC_PARTITIONS = 3;

    private final Provider provider;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final LocalJwtKeys jwtKeys;

    private SharedTestInfrastructure(
            Provider provider, PostgresServer postgres, KafkaBroker kafka, LocalJwtKeys jwtKeys) {
        this.provider = provider;
        this.postgres = postgres;
        this.kafka = kafka;
        this.jwtKeys = jwtKeys;
    }

    // The holder idiom: started by the first get(), exactly once, without locking afterwards.
    private static final class Holder {
        static final SharedTestInfrastructure INSTANCE = startAndStopOnExit();
    }

    public static SharedTestInfrastructure get() {
        return Holder.INSTANCE;
    }

    private static SharedTestInfrastructure startAndStopOnExit() {
        Provider provider = choose();
        AutoCloseable[] servers = provider == Provider.CONTAINERS ? startContainers() : startEmbedded();
        Path keysDir = TemporaryDirectory.create("rekindle-jwt-");
        SharedTestInfrastructure infrastructure = new SharedTestInfrastructure(
                provider, (PostgresServer) servers[0], (KafkaBroker) servers[1], LocalJwtKeys.createOrLoad(keysDir));
        infrastructure.postgres.createDatabaseIfMissing(DATABASE);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            closeQuietly(servers[1]);
                            closeQuietly(servers[0]);
                            TemporaryDirectory.delete(keysDir);
                        },
                        "rekindle-test-infrastructure-stop"));
        return infrastructure;
    }

    private static Provider choose() {
        String forced = System.getProperty(
                        "rekindle.test.infrastructure",
                        System.getenv().getOrDefault("REKINDLE_TEST_INFRASTRUCTURE", "auto"))
                .toLowerCase(Locale.ROOT);
        Provider provider;
        String why;
        switch (forced) {
            case "embedded" -> {
                provider = Provider.EMBEDDED;
                why = "chosen by rekindle.test.infrastructure";
            }
            case "containers" -> {
                provider = Provider.CONTAINERS;
                why = "chosen by rekindle.test.infrastructure";
            }
            default -> {
                boolean docker = ContainerServers.dockerAvailable();
                provider = docker ? Provider.CONTAINERS : Provider.EMBEDDED;
                why = docker ? "Docker found" : "no Docker found";
            }
        }
        System.out.println(
                provider == Provider.CONTAINERS
                        ? "Rekindle test infrastructure: Testcontainers " + ContainerServers.POSTGRES_IMAGE + " + "
                                + ContainerServers.KAFKA_IMAGE + " (" + why + ")"
                        : "Rekindle test infrastructure: embedded PostgreSQL + embedded KRaft Kafka (" + why + ")");
        return provider;
    }

    private static AutoCloseable[] startEmbedded() {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0);
        try {
            return new AutoCloseable[] {postgres, EmbeddedKafkaBroker.start(null, 0)};
        } catch (RuntimeException e) {
            // A PostgreSQL process is not ours to leave behind.
            postgres.close();
            throw e;
        }
    }

    private static AutoCloseable[] startContainers() {
        ContainerServers.Postgres postgres = ContainerServers.startPostgres();
        try {
            return new AutoCloseable[] {postgres, ContainerServers.startKafka()};
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("Rekindle test infrastructure: a server did not stop cleanly: " + e);
        }
    }

    /** Which servers the tests of this JVM run against. */
    public Provider provider() {
        return provider;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public LocalJwtKeys jwtKeys() {
        return jwtKeys;
    }

    public String jdbcUrl(String schema) {
        return postgres.jdbcUrl(DATABASE, schema);
    }

    public String newTopic(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        kafka.createTopic(name, TEST_TOPIC_PARTITIONS);
        return name;
    }
}
