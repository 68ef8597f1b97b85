package app.rekindle.support.lifecycle;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

/**
 * Ends a service whose launcher is gone. The launcher ({@code ./rekindle run}, the tests' stacks) starts each
 * service with a pipe as its standard input, keeps the pipe's other end open and never writes to it, and sets
 * {@value #VARIABLE}{@code =true}. When the launcher ends in any way, SIGKILL and the OOM killer included, the
 * kernel closes its end and this reads end-of-file: the service then shuts down as on SIGTERM, instead of living
 * on without anyone to stop it and holding its port against the next start. (Watching the parent's process id
 * would do the same by polling, and could be fooled by a reused id.) Registered in {@code META-INF/spring.factories}
 * so that it runs before anything else starts; without the variable it does nothing and leaves standard input alone.
 */
public final class EndWithLauncher implements ApplicationListener<ApplicationStartingEvent> {

    public static final String VARIABLE = "REKINDLE_EXIT_WHEN_STDIN_CLOSES";
    private static final AtomicBoolean WATCHING = new AtomicBoolean();

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        if ("true".equals(System.getenv(VARIABLE)) && WATCHING.compareAndSet(false, true)) {
            Thread.ofPlatform().daemon().name("end-with-launcher").start(() -> {
                awaitEndOfFile(System.in);
                System.err.println("The launcher that started this service is gone (its pipe closed); stopping.");
                // Runs the shutdown hooks: Spring closes the context as it would on SIGTERM.
                System.exit(0);
            });
        }
    }

    static void awaitEndOfFile(InputStream in) {
        byte[] ignored = new byte[256];
        try {
            while (in.read(ignored) != -1) {
                // Nobody writes here; whatever comes is not for us.
            }
        } catch (IOException closed) {
            // As good as end-of-file: the pipe is broken.
        }
    }
}
