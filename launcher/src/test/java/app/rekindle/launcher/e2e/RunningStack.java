package app.rekindle.launcher.e2e;

import app.rekindle.launcher.EmbeddedStack;
import app.rekindle.launcher.LauncherConfig;
import app.rekindle.launcher.ServiceJars;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One real stack (embedded PostgreSQL and Kafka, both services as child processes, random ports, a
 * throw-away data folder) shared by the end-to-end tests of this JVM; each test uses its own people and
 * journals. Started on first use, stopped when the JVM ends. Everything the stack and the services log goes
 * to the console and to {@link #log()}, which NothingLeaksTest reads.
 */
final class RunningStack {

    private static EmbeddedStack stack;
    private static Path dataDir;
    private static Path log;

    private RunningStack() {}

    static synchronized EmbeddedStack get() {
        if (stack == null) {
            LauncherConfig config = config();
            stack = EmbeddedStack.start(config, tee(log));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-e2e-stack"));
        }
        return stack;
    }

    /** The file holding every line the stack and both services have written so far. */
    static synchronized Path log() {
        get();
        return log;
    }

    /** This run's data folder (database, broker, the keys that sign tokens). */
    static synchronized Path dataDir() {
        get();
        return dataDir;
    }

    private static LauncherConfig config() {
        try {
            dataDir = Files.createTempDirectory("rekindle-e2e-");
            log = dataDir.resolve("stack.log");
            ServiceJars jars = ServiceJars.locate(System.getProperties());
            // Demo mode: the tests get their people's tokens by name (Http.tokenFor), and the dashboard's sign-in by
            // name is on.
            return LauncherConfig.onFreePorts(dataDir, "rekindle.journal-events", 3, "384m", jars, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrintStream tee(Path file) {
        try {
            OutputStream copy = new FileOutputStream(file.toFile(), true);
            OutputStream both = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    System.out.write(b);
                    copy.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) throws IOException {
                    System.out.write(bytes, offset, length);
                    copy.write(bytes, offset, length);
                }

                @Override
                public void flush() throws IOException {
                    System.out.flush();
                    copy.flush();
                }
            };
            return new PrintStream(both, true, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
