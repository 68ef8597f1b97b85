package app.rekindle.embedded;

import java.nio.file.Path;
import java.util.UUID;

/**
 * One PostgreSQL, one Kafka broker and one JWT key pair for all the tests of a JVM: starting them takes
 * seconds, so test classes share them and keep apart by schema and topic name instead. Everything runs
 * on random ports in temporary directories and is stopped when the JVM exits.
 */
public final class SharedTestInfrastructure {

    private static final String DATABASE = "rekindle";
    private static final int TEST_TOPIC_PARTITIONS = 3;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaBroker kafka;
    private final LocalJwtKeys jwtKeys;

    private SharedTestInfrastructure(EmbeddedPostgresServer postgres, EmbeddedKafkaBroker kafka, LocalJwtKeys jwtKeys) {
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
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0);
        postgres.createDatabaseIfMissing(DATABASE);
        EmbeddedKafkaBroker kafka;
        try {
            kafka = EmbeddedKafkaBroker.start(null, 0);
        } catch (RuntimeException e) {
            // A PostgreSQL process is not ours to leave behind.
            postgres.close();
            throw e;
        }
        Path keysDir = TemporaryDirectory.create("rekindle-jwt-");
        SharedTestInfrastructure infrastructure =
                new SharedTestInfrastructure(postgres, kafka, LocalJwtKeys.createOrLoad(keysDir));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
            TemporaryDirectory.delete(keysDir);
        }, "rekindle-test-infrastructure-stop"));
        return infrastructure;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    public EmbeddedKafkaBroker kafka() {
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
