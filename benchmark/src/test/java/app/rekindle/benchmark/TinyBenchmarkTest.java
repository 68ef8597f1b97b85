package app.rekindle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI smoke test of the harness: a few seconds of every measurement on the real stack, and a report with every
 * section. It does not judge the figures: on a loaded machine a target may well be missed.
 */
class TinyBenchmarkTest {

    @Test
    void a_tiny_run_reports_every_measurement(@TempDir Path output) throws Exception {
        Report report = BenchmarkMain.run(Mode.TINY, output);

        assertThat(report.errors()).isEmpty();
        String markdown = Files.readString(output.resolve("report.md"));
        assertThat(markdown)
                .contains(
                        "1. Command throughput",
                        "1b. Kafka publisher capacity",
                        "2. End-to-end lag",
                        "3. Timeline reads",
                        "4. Rebuild",
                        "5. Memory",
                        "6. Replay as-of",
                        "7. Encryption cost",
                        "1c. Batch commands",
                        "8. Reads by journal length",
                        "9. Costs at scale",
                        "time per check-in, 4 clients (1 / commands/s)",
                        "against the CRUD service",
                        "| Target | Result |");
        JsonNode json =
                new ObjectMapper().readTree(output.resolve("report.json").toFile());
        assertThat(json.path("sections")).hasSize(11);
        for (JsonNode section : json.path("sections")) {
            assertThat(section.path("rows")).as(section.path("title").asText()).isNotEmpty();
        }
        assertThat(json.findValues("pass")).anyMatch(JsonNode::isBoolean);
    }
}
