package app.rekindle.support.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class EndWithLauncherTest {

    @Test
    void the_wait_ends_when_the_other_end_closes_and_not_before() throws Exception {
        PipedOutputStream launcher = new PipedOutputStream();
        PipedInputStream service = new PipedInputStream(launcher);
        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> EndWithLauncher.awaitEndOfFile(service));

        launcher.write("stray input".getBytes());
        launcher.flush();
        assertThat(waiting).as("still waiting while the pipe is open").isNotCompleted();
        launcher.close();

        assertThat(waiting).succeedsWithin(Duration.ofSeconds(10));
    }
}
