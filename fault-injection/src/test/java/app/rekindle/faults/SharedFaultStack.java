package app.rekindle.faults;

import app.rekindle.faults.FaultStack.Service;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.util.FileSystemUtils;

/**
 * One stack for the fault tests of this JVM (starting it takes most of a minute on a small machine): every test
 * uses journals of its own and leaves both services running and ready. Registered as an extension, it prints
 * the tail of both services' logs when a test fails, and the fault table so far after each test class.
 */
final class SharedFaultStack implements TestWatcher, AfterAllCallback {

    /** A few journals, each sending its next check-in 200 ms after the last answer: ~15 commands/s in all. */
    static final int JOURNALS = 4;

    static final java.time.Duration INTERVAL = java.time.Duration.ofMillis(200);

    private static FaultStack stack;

    static synchronized FaultStack get() {
        if (stack == null) {
            Path dataDir = temporaryDirectory();
            FaultStack started = FaultStack.infrastructure(dataDir);
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                started.close();
                                FileSystemUtils.deleteRecursively(dataDir.toFile());
                            },
                            "stop-fault-stack"));
            // Side by side: each spends most of its start on its own class loading.
            started.launch(Service.IDENTITY);
            started.launch(Service.COMMAND);
            started.launch(Service.QUERY);
            started.awaitReady(Service.IDENTITY);
            started.awaitReady(Service.COMMAND);
            started.awaitReady(Service.QUERY);
            stack = started;
        }
        return stack;
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("rekindle-faults-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        FaultReport.printAll();
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        FaultStack failed;
        synchronized (SharedFaultStack.class) {
            failed = stack;
        }
        if (failed != null) {
            failed.log(Service.COMMAND).printTail(80);
            failed.log(Service.QUERY).printTail(80);
        }
    }
}
