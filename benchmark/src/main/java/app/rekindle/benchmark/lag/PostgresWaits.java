package app.rekindle.benchmark.lag;

import app.rekindle.benchmark.ServiceRecording;
import app.rekindle.benchmark.Testbed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * While profiling, what every busy PostgreSQL backend is doing, sampled every 10 ms from {@code pg_stat_activity}
 * into a CSV on the wall clock: a stall that JFR shows as a thread waiting on a socket shows here as the lock, the
 * WAL flush or the I/O its backend waited for. One small query per sample on its own connection.
 */
final class PostgresWaits implements AutoCloseable {

    private static final String SAMPLE = """
            select (extract(epoch from clock_timestamp()) * 1000)::bigint, pid, datname, backend_type, state,
                   coalesce(wait_event_type, ''), coalesce(wait_event, ''), left(regexp_replace(query, '\\s+', ' ', 'g'), 60)
            from pg_stat_activity
            where state is distinct from 'idle' and pid <> pg_backend_pid()""";

    private final Connection connection;
    private final Path file;
    private final StringBuilder csv =
            new StringBuilder("epoch_ms,pid,database,backend,state,wait_type,wait_event,query\n");
    private final Thread sampling;
    private volatile boolean running = true;

    /** Samples into {@code lag-postgres-waits.csv} if profiling was asked for; null otherwise. */
    static PostgresWaits whenProfiling(Testbed bed) throws SQLException {
        return ServiceRecording.asked()
                ? new PostgresWaits(bed.connect("views"), bed.output().resolve("lag-postgres-waits.csv"))
                : null;
    }

    private PostgresWaits(Connection connection, Path file) {
        this.connection = connection;
        this.file = file;
        sampling = Thread.ofPlatform().name("lag-postgres-waits").start(this::sample);
    }

    private void sample() {
        try (PreparedStatement select = connection.prepareStatement(SAMPLE)) {
            while (running) {
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        for (int column = 1; column <= 8; column++) {
                            String value = rs.getString(column);
                            csv.append(column == 1 ? "" : ",")
                                    .append(
                                            column == 8
                                                    ? '"' + (value == null ? "" : value.replace("\"", "'")) + '"'
                                                    : value);
                        }
                        csv.append('\n');
                    }
                }
                Thread.sleep(10);
            }
        } catch (SQLException e) {
            csv.append("# sampling stopped: ").append(e.getMessage()).append('\n');
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() throws IOException, SQLException {
        running = false;
        try {
            sampling.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connection.close();
        Files.writeString(file, csv);
        System.out.println("  PostgreSQL waits sampled into " + file.toAbsolutePath());
    }
}
