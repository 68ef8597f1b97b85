package app.rekindle.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns configured ports into usable ones before anything starts: 0 becomes a free port (the services
 * must be told theirs up front), and a taken port fails now, by name, rather than as a bind error
 * deep in a child's log a minute later.
 */
public final class Ports {

    /**
     * How long a taken port may take to come free. After a launcher was killed, its services notice it and shut
     * down by themselves, which took up to about 32 s on a loaded two-core machine (LauncherKillTest); a run
     * started again meanwhile waits for them instead of failing on their ports.
     */
    static final Duration RELEASE_GRACE = Duration.ofSeconds(60);

    private static final Duration RETRY_EVERY = Duration.ofMillis(250);

    private Ports() {}

    public static int resolve(int port, String setting) {
        return resolve(port, setting, RELEASE_GRACE);
    }

    static int resolve(int port, String setting, Duration grace) {
        return resolve(
                port,
                setting,
                grace,
                () -> System.out.println("Port " + port + " is in use; waiting up to " + grace.toSeconds()
                        + " s for it to come free (a service of an earlier run may still be ending)"));
    }

    /** {@code foundTaken} runs once, when the port is first found taken. */
    static int resolve(int port, String setting, Duration grace, Runnable foundTaken) {
        Instant deadline = Instant.now().plus(grace);
        boolean told = false;
        while (true) {
            try {
                return bind(port);
            } catch (IOException e) {
                if (port == 0 || Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(
                            "Port " + port + " is already in use; choose another with " + setting, e);
                }
                if (!told) {
                    foundTaken.run();
                    told = true;
                }
                pause();
            }
        }
    }

    private static int bind(int port) throws IOException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return socket.getLocalPort();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(RETRY_EVERY);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a port", e);
        }
    }
}
