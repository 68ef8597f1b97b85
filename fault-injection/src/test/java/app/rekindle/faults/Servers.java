package app.rekindle.faults;

import app.rekindle.embedded.EmbeddedKafkaBroker;
import app.rekindle.embedded.EmbeddedPostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

    /**
     * SIGKILL to PostgreSQL's postmaster and every backend at once, as a power cut or the OOM killer would do it:
     * nothing is flushed or shut down. Starting it again runs crash recovery from the write-ahead log.
     */
    void killPostgres() {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid())
                .orElseThrow(() -> new IllegalStateException("PostgreSQL is not running"));
        // Collected first: once the postmaster is gone its backends are no longer its descendants.
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.addFirst(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(process -> process.onExit().join());
        // Lets go of the data folder's lock in this JVM; its attempt to stop the server finds none and says so.
        postgres.close();
    }

    private long postmasterPid() {
        try {
            // The first line of postmaster.pid is the postmaster's process id.
            return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                    .getFirst()
                    .trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
