package app.rekindle.embedded;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) running inside this JVM. With a log
 * directory its topics and records survive restarts; without one it lives in a temporary directory
 * that is deleted on {@link #close()}. Closed and started again with the same directory and {@link #port()}, it
 * is the same broker to its clients: same address, same topics, records and committed offsets (the
 * fault-injection suite stops it under load that way).
 */
public final class EmbeddedKafkaBroker implements KafkaBroker, AutoCloseable {

    private final KafkaRaftServer server;
    private final int port;
    private final Path temporaryLogDir;

    private EmbeddedKafkaBroker(KafkaRaftServer server, int port, Path temporaryLogDir) {
        this.server = server;
        this.port = port;
        this.temporaryLogDir = temporaryLogDir;
    }

    public static EmbeddedKafkaBroker start(Path logDir, int port) {
        Path dir = logDir != null ? logDir.toAbsolutePath() : TemporaryDirectory.create("rekindle-kafka-");
        int brokerPort = FreePort.orPick(port);
        Properties props = KraftProperties.singleNode(dir, brokerPort, FreePort.pick());
        try {
            formatIfNeeded(dir, props);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            // Returns once the broker is registered with its controller and unfenced, i.e. usable.
            server.startup();
            return new EmbeddedKafkaBroker(server, brokerPort, logDir == null ? dir : null);
        } catch (RuntimeException e) {
            if (logDir == null) {
                TemporaryDirectory.delete(dir);
            }
            throw e;
        }
    }

    // The same step as `kafka-storage.sh format`: writes meta.properties and the bootstrap metadata.
    // Formatting a second time would refuse (or, forced, lose the data), so a kept directory is reused.
    private static void formatIfNeeded(Path dir, Properties props) {
        try {
            Files.createDirectories(dir);
            if (Files.exists(dir.resolve("meta.properties"))) {
                return;
            }
            Path config = Files.createTempFile("rekindle-kraft-", ".properties");
            try {
                try (OutputStream out = Files.newOutputStream(config)) {
                    props.store(out, "format only");
                }
                ByteArrayOutputStream output = new ByteArrayOutputStream();
                String[] args = {
                    "format",
                    "--config",
                    config.toString(),
                    "--cluster-id",
                    Uuid.randomUuid().toString()
                };
                int exitCode = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
                if (exitCode != 0) {
                    throw new IllegalStateException("Formatting Kafka storage in " + dir + " failed: "
                            + output.toString(StandardCharsets.UTF_8));
                }
            } finally {
                Files.deleteIfExists(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Kafka log directory " + dir, e);
        }
    }

    @Override
    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** The client port, also when 0 ("any free one") was asked for. */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (temporaryLogDir != null) {
            TemporaryDirectory.delete(temporaryLogDir);
        }
    }
}
