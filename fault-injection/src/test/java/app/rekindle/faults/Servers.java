package app.rekindle.faults;

import app.rekindle.embedded.EmbeddedKafkaBroker;
import app.rekindle.embedded.EmbeddedPostgresServer;

import java.nio.file.Path;

/**
 * PostgreSQL and the Kafka broker of a fault stack, in this JVM, each stoppable and started again on the same
 * port and data folder: to its clients the same server, back after an outage.
 */
final class Servers implements AutoCloseable {

    static final String DATABASE = "rekindle";
    static final String TOPIC = "rekindle.journal-events";
    private static final int PARTITIONS = 3;

    private final Path dataDir;
    private final int postgresPort;
    private final int kafkaPort;
    private volatile EmbeddedPostgresServer postgres;
    private volatile EmbeddedKafkaBroker kafka;

    private Servers(Path dataDir, EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka) {
        this.dataDir = dataDir;
        this.postgres = postgres;
        this.kafka = kafka;
        this.postgresPort = postgres.port();
        this.kafkaPort = kafka.port();
    }

    static Servers start(Path dataDir) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), 0);
        postgres.createDatabaseIfMissing(DATABASE);
        EmbeddedKafkaBroker kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), 0);
        kafka.createTopic(TOPIC, PARTITIONS);
        return new Servers(dataDir, postgres, kafka);
    }

    EmbeddedPostgresServer postgres() {
        return postgres;
    }

    int postgresPort() {
        return postgresPort;
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    void stopKafka() {
        kafka.close();
    }

    void startKafka() {
        kafka = EmbeddedKafkaBroker.start(dataDir.resolve("kafka"), kafkaPort);
    }

    void stopPostgres() {
        postgres.close();
    }

    void startPostgres() {
        postgres = EmbeddedPostgresServer.start(dataDir.resolve("postgres"), postgresPort);
    }

    /** Kafka, then PostgreSQL. */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
