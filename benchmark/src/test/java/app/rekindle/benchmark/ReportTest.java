package app.rekindle.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void the_report_ends_with_the_wall_time_of_each_part_and_of_the_whole_run() {
        Report report = new Report(Mode.TINY);
        report.wallTimes().add(new Report.WallTime("starting the stack", 49.3));
        report.wallTimes().add(new Report.WallTime("command throughput", 612.6));
        report.finish();

        String markdown = report.markdown();

        assertThat(markdown)
                .contains("## Wall time", "| starting the stack | 49 |", "| command throughput | 613 |")
                .containsPattern("\\| \\*\\*whole run\\*\\* \\| \\*\\*\\d+\\*\\* \\|");
        assertThat(markdown.indexOf("## Wall time")).isGreaterThan(markdown.indexOf("# Rekindle benchmark"));
    }

    @Test
    void a_report_without_timed_parts_has_no_wall_time_table() {
        Report report = new Report(Mode.TINY);
        report.finish();

        assertThat(report.markdown()).doesNotContain("## Wall time");
    }
}
