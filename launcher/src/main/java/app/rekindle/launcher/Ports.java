package app.rekindle.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Turns configured ports into usable ones before anything starts: 0 becomes a free port (the services
 * must be told theirs up front), and a taken port fails now, by name, rather than as a bind error
 * deep in a child's log a minute later.
 */
public final class Ports {

    private Ports() {
    }

    public static int resolve(int port, String setting) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " is already in use; choose another with " + setting, e);
        }
    }
}
