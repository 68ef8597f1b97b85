package app.rekindle.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Java Flight Recording of one service process over the recorded rounds of a measurement, asked for with {@code
 * -Drekindle.bench.profile=true} ({@code REKINDLE_BENCH_PROFILE=true ./rekindle bench full}): the profile that shows
 * where the time of a figure goes, read with {@code jfr print} or JDK Mission Control. Started and stopped with the
 * JDK's own {@code jcmd}, so the service runs exactly as it does otherwise until it is asked. JFR's {@code default}
 * settings (a sample every 20 ms): its {@code profile} settings, which also record every socket read over 1 ms with
 * its stack, raised the command service's CPU per check-in by about a quarter (1.33–1.46 ms unrecorded, 1.63–1.92
 * recorded, at the same store size on 2026-12-05). Off by default all the same, since the CPU rows would count it.
 */
public final class ServiceRecording implements AutoCloseable {

    static final String PROPERTY = "rekindle.bench.profile";

    private final long pid;
    private final String name;

    private ServiceRecording(long pid, String name) {
        this.pid = pid;
        this.name = name;
    }

    /** Whether profiling was asked for, for measurements that record more than a service while it runs. */
    public static boolean asked() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** What runs while the service is recorded. */
    public interface Work {
        void run() throws Exception;
    }

    /** A service to record, by its process (null: not running, nothing recorded) and the recording's name. */
    public record Service(ProcessHandle process, String name) {}

    /** Like {@link #during(Testbed, ProcessHandle, String, Work)}, recording every one of the services meanwhile. */
    public static void during(Testbed bed, List<Service> services, Work work) throws Exception {
        if (services.isEmpty()) {
            work.run();
            return;
        }
        Service first = services.getFirst();
        during(bed, first.process(), first.name(), () -> during(bed, services.subList(1, services.size()), work));
    }

    /**
     * Runs {@code work}, recording {@code service} meanwhile into {@code <output>/<name>.jfr} if profiling was asked
     * for; with no process ({@code null}), it only runs the work.
     */
    public static void during(Testbed bed, ProcessHandle service, String name, Work work) throws Exception {
        if (!asked() || service == null) {
            work.run();
            return;
        }
        Path file = bed.output().resolve(name + ".jfr").toAbsolutePath();
        try (ServiceRecording recording = new ServiceRecording(service.pid(), name)) {
            recording.jcmd("JFR.start", "name=" + name, "settings=default", "filename=" + file);
            System.out.println("  recording " + name + " into " + file);
            work.run();
        }
    }

    /** Stops the recording, which writes its file. */
    @Override
    public void close() {
        jcmd("JFR.stop", "name=" + name);
    }

    private void jcmd(String... command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + jcmd, e);
        }
    }
}
