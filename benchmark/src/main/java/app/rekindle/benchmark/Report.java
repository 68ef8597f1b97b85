package app.rekindle.benchmark;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every figure of a run: per section, rows that compare Rekindle with its baseline (medians of the rounds, the
 * median per-round ratio and its spread) and the targets they are held to. Written as Markdown for people and
 * JSON for tools.
 */
public final class Report {

    /**
     * One measured quantity. {@code ratio} is the median of the per-round ratios, not the ratio of the medians.
     * {@code target} is null for figures reported without a target; {@code pass} is null when not judged.
     */
    public record Row(
            String measure, String unit, Double rekindle, Double baseline, Spread ratio, String target, Boolean pass) {}

    public record Section(String title, String baseline, List<Row> rows, List<String> notes) {}

    /** How long one part of the run took on the wall clock, whether it ran to its end or broke. */
    public record WallTime(String part, double seconds) {}

    private final Mode mode;
    private final Instant started = Instant.now();
    private final List<Section> sections = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<WallTime> wallTimes = new ArrayList<>();
    private Duration elapsed;

    public Report(Mode mode) {
        this.mode = mode;
    }

    public Section section(String title, String baseline) {
        Section section = new Section(title, baseline, new ArrayList<>(), new ArrayList<>());
        sections.add(section);
        return section;
    }

    public List<Section> sections() {
        return sections;
    }

    /** Measurements that broke (an exception, not a missed target): the harness itself needs fixing. */
    public List<String> errors() {
        return errors;
    }

    /** The wall time of each part of the run so far, in the order they ran. */
    public List<WallTime> wallTimes() {
        return wallTimes;
    }

    public void finish() {
        elapsed = Duration.between(started, Instant.now());
    }

    public long failedTargets() {
        return sections.stream()
                .flatMap(s -> s.rows().stream())
                .filter(r -> Boolean.FALSE.equals(r.pass()))
                .count();
    }

    public void write(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.writeString(directory.resolve("report.md"), markdown());
            Files.writeString(
                    directory.resolve("report.json"),
                    new ObjectMapper()
                            .enable(SerializationFeature.INDENT_OUTPUT)
                            .writeValueAsString(new Json(
                                    ModeJson.of(mode),
                                    started.toString(),
                                    elapsed == null ? null : elapsed.toSeconds(),
                                    Runtime.getRuntime().availableProcessors(),
                                    sections,
                                    wallTimes,
                                    errors)));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the report to " + directory, e);
        }
    }

    private record ModeJson(
            String name,
            int rounds,
            double phaseSeconds,
            long warmUpLimitSeconds,
            long lagWarmUpLimitSeconds,
            int backlogEvents,
            int timelineEntries,
            int timelineRows,
            int readsPerSecond,
            int rebuildEvents,
            long rebuildCapSeconds,
            int rebuildRounds,
            int tailRequests,
            int scaleSmall,
            int scaleLarge,
            int scaleJournals,
            int scaleRounds) {
        static ModeJson of(Mode m) {
            return new ModeJson(
                    m.name(),
                    m.rounds(),
                    m.phase().toMillis() / 1000.0,
                    m.warmUpLimit().toSeconds(),
                    m.lagWarmUpLimit().toSeconds(),
                    m.backlogEvents(),
                    m.timelineEntries(),
                    m.timelineRows(),
                    m.readsPerSecond(),
                    m.rebuildEvents(),
                    m.rebuildCap().toSeconds(),
                    m.rebuildRounds(),
                    m.tailRequests(),
                    m.scaleSmall(),
                    m.scaleLarge(),
                    m.scaleJournals(),
                    m.scaleRounds());
        }
    }

    private record Json(
            ModeJson mode,
            String startedAt,
            Long elapsedSeconds,
            int processors,
            List<Section> sections,
            List<WallTime> wallTimes,
            List<String> errors) {}

    public String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Rekindle benchmark (").append(mode.name()).append(")\n\n");
        md.append(String.format(
                Locale.ROOT,
                "Started %s, took %s s, %d processors, %d rounds per measurement. "
                        + "Each round runs the baseline, then Rekindle, on the same machine a moment apart; ratios are "
                        + "the median of the per-round ratios, (min–max) beside it.%n%n",
                started,
                elapsed == null ? "?" : elapsed.toSeconds(),
                Runtime.getRuntime().availableProcessors(),
                mode.rounds()));
        for (String error : errors) {
            md.append("**Measurement failed:** ").append(error).append("\n\n");
        }
        for (Section section : sections) {
            md.append("## ").append(section.title()).append("\n\n");
            if (section.baseline() != null) {
                md.append("Baseline: ").append(section.baseline()).append("\n\n");
            }
            if (!section.rows().isEmpty()) {
                md.append("| Measure | Rekindle | Baseline | Ratio (min–max) | Target | Result |\n");
                md.append("|---|---:|---:|---|---|---|\n");
                for (Row row : section.rows()) {
                    md.append("| ")
                            .append(row.measure())
                            .append(unit(row.unit()))
                            .append(" | ")
                            .append(number(row.rekindle()))
                            .append(" | ")
                            .append(number(row.baseline()))
                            .append(" | ")
                            .append(spread(row.ratio()))
                            .append(" | ")
                            .append(row.target() == null ? "" : row.target())
                            .append(" | ")
                            .append(row.pass() == null ? "" : row.pass() ? "PASS" : "**FAIL**")
                            .append(" |\n");
                }
                md.append('\n');
            }
            for (String note : section.notes()) {
                md.append("- ").append(note).append('\n');
            }
            if (!section.notes().isEmpty()) {
                md.append('\n');
            }
        }
        wallTimes(md);
        return md.toString();
    }

    private void wallTimes(StringBuilder md) {
        if (wallTimes.isEmpty()) {
            return;
        }
        md.append("## Wall time\n\n| Part | Seconds |\n|---|---:|\n");
        for (WallTime time : wallTimes) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f |%n", time.part(), time.seconds()));
        }
        md.append(String.format(
                Locale.ROOT,
                "| **whole run** | **%s** |%n%n",
                elapsed == null ? "?" : String.valueOf(elapsed.toSeconds())));
    }

    private static String unit(String unit) {
        return unit == null || unit.isEmpty() ? "" : " (" + unit + ")";
    }

    static String number(Double value) {
        if (value == null || value.isNaN()) {
            return "";
        }
        double abs = Math.abs(value);
        return String.format(Locale.ROOT, abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f", value);
    }

    private static String spread(Spread spread) {
        if (spread == null || spread.rounds() == 0) {
            return "";
        }
        String format = Math.abs(spread.median()) < 0.1 ? "%.3f× (%.3f–%.3f)" : "%.2f× (%.2f–%.2f)";
        return String.format(Locale.ROOT, format, spread.median(), spread.min(), spread.max());
    }
}
