package app.rekindle.benchmark.commands;

import app.rekindle.benchmark.Testbed;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's JIT compilation time so far: Micrometer's {@code jvm.compilation.time} (the JVM's
 * {@code CompilationMXBean}, summed over the compiler threads) from its Prometheus scrape. Both the command service
 * and the CRUD baseline publish it; the scrape carries the benchmark's token, which the CRUD service asks for on
 * every path and the command service ignores on its public ones.
 */
public final class JitCompilationTime {

    private static final Pattern COMPILATION =
            Pattern.compile("^jvm_compilation_time_ms_total(?:\\{[^}]*})? ([0-9.eE+-]+)", Pattern.MULTILINE);

    private final Testbed bed;
    private final URI scrape;

    public JitCompilationTime(Testbed bed, URI service) {
        this.bed = bed;
        this.scrape = service.resolve("/actuator/prometheus");
    }

    /** Milliseconds of compilation so far; NaN when the service does not publish the metric or cannot be reached. */
    public double millis() {
        HttpResponse<String> answer;
        try {
            answer = bed.send(HttpRequest.newBuilder(scrape)
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + bed.token())
                    .GET()
                    .build());
        } catch (UncheckedIOException unreachable) {
            return Double.NaN;
        }
        if (answer.statusCode() != 200) {
            return Double.NaN;
        }
        Matcher line = COMPILATION.matcher(answer.body());
        double total = 0;
        boolean found = false;
        while (line.find()) {
            total += Double.parseDouble(line.group(1));
            found = true;
        }
        return found ? total : Double.NaN;
    }
}
