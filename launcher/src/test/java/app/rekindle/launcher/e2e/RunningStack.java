package app.rekindle.launcher.e2e;

import app.rekindle.launcher.EmbeddedStack;
import app.rekindle.launcher.LauncherConfig;
import app.rekindle.launcher.ServiceJars;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real stack (embedded PostgreSQL and Kafka, both services as child processes, random ports, a
 * throw-away data folder) shared by the end-to-end tests of this JVM; each test uses its own people and
 * journals. Started on first use, stopped when the JVM ends.
 */
final class RunningStack {

    private static EmbeddedStack stack;

    private RunningStack() {
    }

    static synchronized EmbeddedStack get() {
        if (stack == null) {
            stack = EmbeddedStack.start(config());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-e2e-stack"));
        }
        return stack;
    }

    private static LauncherConfig config() {
        try {
            Path dataDir = Files.createTempDirectory("rekindle-e2e-");
            ServiceJars jars = ServiceJars.locate(System.getProperties());
            return new LauncherConfig(dataDir, 0, 0, 0, 0, "rekindle.journal-events", 3, "384m",
                    jars.command(), jars.query());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
