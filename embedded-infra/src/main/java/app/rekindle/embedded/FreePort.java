package app.rekindle.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Asks the OS for a free port. Kafka must be told its ports before it binds them (the controller
 * port goes into the quorum voter list), so "port 0" has to be resolved up front; another process
 * could take the port in between, a risk accepted for local runs and tests.
 */
final class FreePort {

    private FreePort() {}

    static int pick() {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port available", e);
        }
    }

    static int orPick(int port) {
        return port == 0 ? pick() : port;
    }
}
