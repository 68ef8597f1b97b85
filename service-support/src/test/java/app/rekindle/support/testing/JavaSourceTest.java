package app.rekindle.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JavaSourceTest {

    @Test
    void comments_are_left_out_and_sql_in_strings_and_text_blocks_is_kept() {
        String source = """
                // reads journal_view
                /* and step_progress */ String a = "select * from timeline_entry // not a comment";
                String b = \"""
                        select 1 from journal_event /* kept: inside a text block */
                        \""";
                char c = '"'; String d = "a \\" quote, then dead_letter";
                """;

        String code = JavaSource.withoutComments(source);

        assertThat(code)
                .doesNotContain("journal_view", "step_progress")
                .contains(
                        "\"select * from timeline_entry // not a comment\"",
                        "journal_event /* kept",
                        "then dead_letter\"");
    }
}
