package app.rekindle.embedded;

import java.nio.file.Path;

/**
 * A process that starts PostgreSQL on a data folder and then waits to be killed: the launcher of a run, reduced to
 * what matters for a crash. Its arguments are the data folder and the port.
 */
public final class PostgresOwner {

    private PostgresOwner() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedPostgresServer.start(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("postgres started");
        Thread.currentThread().join();
    }
}
