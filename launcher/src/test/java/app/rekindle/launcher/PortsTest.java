package app.rekindle.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void zero_becomes_a_free_port() {
        assertThat(Ports.resolve(0, "REKINDLE_X")).isPositive();
    }

    @Test
    void a_port_that_stays_taken_fails_by_name_once_the_grace_is_over() throws IOException {
        try (ServerSocket taken = listening()) {
            assertThatThrownBy(
                            () -> Ports.resolve(taken.getLocalPort(), "REKINDLE_COMMAND_PORT", Duration.ofMillis(600)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort() + " is already in use")
                    .hasMessageContaining("REKINDLE_COMMAND_PORT");
        }
    }

    @Test
    void a_port_released_during_the_grace_is_taken() throws IOException {
        ServerSocket taken = listening();
        int port = taken.getLocalPort();
        // Released only once resolve has found it taken, like the service of a killed run ending meanwhile.
        assertThat(Ports.resolve(port, "REKINDLE_COMMAND_PORT", Duration.ofSeconds(20), () -> close(taken)))
                .isEqualTo(port);
        assertThat(taken.isClosed()).isTrue();
    }

    private static void close(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ServerSocket listening() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(new InetSocketAddress(0));
        return socket;
    }
}
