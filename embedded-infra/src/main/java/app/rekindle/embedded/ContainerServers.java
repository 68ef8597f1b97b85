package app.rekindle.embedded;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * PostgreSQL and Kafka as Testcontainers, the same images docker-compose.yml runs. Only touched once Docker is
 * known to be there, so the optional Testcontainers classes need not be on every class path (the launcher's).
 */
final class ContainerServers {

    static final String POSTGRES_IMAGE = "postgres:16";
    static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

    private ContainerServers() {}

    /** False when Testcontainers is not on the class path or finds no Docker engine. */
    static boolean dockerAvailable() {
        try {
            Class.forName("org.testcontainers.DockerClientFactory", false, ContainerServers.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return false;
        }
        return Docker.available();
    }

    static Postgres startPostgres() {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
        container.withDatabaseName("postgres");
        container.start();
        return new Postgres(container);
    }

    static Kafka startKafka() {
        KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
        container.start();
        return new Kafka(container);
    }

    // A nested class, so DockerClientFactory is resolved only after the class-path check above.
    private static final class Docker {
        static boolean available() {
            return DockerClientFactory.instance().isDockerAvailable();
        }
    }

    record Postgres(PostgreSQLContainer container) implements PostgresServer, AutoCloseable {
        @Override
        public int port() {
            return container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
        }

        @Override
        public String jdbcUrl(String database, String schema) {
            return "jdbc:postgresql://" + container.getHost() + ":" + port() + "/" + database + "?currentSchema="
                    + schema;
        }

        @Override
        public String username() {
            return container.getUsername();
        }

        @Override
        public String password() {
            return container.getPassword();
        }

        @Override
        public void close() {
            container.stop();
        }
    }

    record Kafka(KafkaContainer container) implements KafkaBroker, AutoCloseable {
        @Override
        public String bootstrapServers() {
            return container.getBootstrapServers();
        }

        @Override
        public void close() {
            container.stop();
        }
    }
}
