package app.rekindle.benchmark.scale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The CPU time PostgreSQL has used so far: its postmaster and every backend alive now (the services' pools keep
 * theirs for the whole run, so a phase's difference is the work done in it). The postmaster is found by its data
 * folder's {@code postmaster.pid}, since {@code pg_ctl} starts it outside this JVM's process tree.
 */
final class PostgresCpu {

    private final ProcessHandle postmaster;

    private PostgresCpu(ProcessHandle postmaster) {
        this.postmaster = postmaster;
    }

    static PostgresCpu of(Path dataDir) {
        try {
            String pid = Files.readAllLines(dataDir.resolve("postmaster.pid"))
                    .getFirst()
                    .trim();
            return new PostgresCpu(ProcessHandle.of(Long.parseLong(pid))
                    .orElseThrow(() -> new IllegalStateException("PostgreSQL's process " + pid + " is gone")));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read PostgreSQL's postmaster.pid in " + dataDir, e);
        }
    }

    /** A process whose CPU time the platform does not tell counts as none (Linux tells it for every one). */
    Duration total() {
        return Stream.concat(Stream.of(postmaster), postmaster.children())
                .map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }
}
