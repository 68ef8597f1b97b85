package app.rekindle.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Nothing a person wrote becomes HTML, a link, an image or formatting in the Markdown export. */
class MarkdownTextTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert(1)</script>",
                "<img src=x onerror=alert(1)>",
                "<a href=\"x\">x</a>",
                "<javascript:alert(1)>",
                "<!-- hidden -->",
                "<iframe src=//evil>"
            })
    void html_is_written_as_text(String text) {
        String escaped = MarkdownText.escape(text);

        assertThat(escaped).doesNotContain("<").doesNotContain(">").contains("&lt;");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "[click](javascript:alert(1))",
                "![x](data:image/svg+xml;base64,PHN2Zz4=)",
                "[a]: javascript:alert(1)",
                "[x][a]",
                "javascript:alert(1)",
                "data:text/html,<b>x</b>",
                "http://evil.example",
                "www.evil.example",
                "mail me@evil.example"
            })
    void link_syntax_and_bare_links_are_escaped(String text) {
        String escaped = MarkdownText.escape(text);

        assertThat(escaped)
                .doesNotContain("](")
                .doesNotContain("javascript:")
                .doesNotContain("data:")
                .doesNotContain("http://")
                .doesNotContainIgnoringCase("www.");
        assertThat(escaped.replaceAll("\\\\\\[", "")).doesNotContain("[");
        assertThat(escaped.replace("\\@", "")).doesNotContain("@");
    }

    @Test
    void ampersands_become_entities_so_no_entity_of_the_person_s_is_decoded() {
        assertThat(MarkdownText.escape("Tom &amp; Jerry &#60;b&#62;"))
                .isEqualTo("Tom &amp;amp; Jerry &amp;\\#60;b&amp;\\#62;");
    }

    @Test
    void emphasis_code_and_line_breaks_cannot_format_or_start_a_block() {
        assertThat(MarkdownText.escape("*bold* _it_ `code` ~~gone~~\n# heading\r\n> quote"))
                .isEqualTo("\\*bold\\* \\_it\\_ \\`code\\` \\~\\~gone\\~\\~ \\# heading  &gt; quote");
    }

    @Test
    void plain_words_are_left_as_written() {
        String plain = "We laughed a lot, and it felt easy.";

        assertThat(MarkdownText.escape(plain)).isEqualTo(plain);
    }
}
