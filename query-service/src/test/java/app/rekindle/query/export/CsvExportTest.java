package app.rekindle.query.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** OWASP "CSV Injection": no cell a person wrote may start a formula when the export is opened. */
class CsvExportTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "=SUM(A1:A9)",
                "+1+1",
                "-2+3",
                "@SUM(1,1)",
                "\t=1+1",
                "\r=1+1",
                "=HYPERLINK(\"http://x\")",
                "=cmd|' /C calc'!A0",
                " =1+1",
                "  \t@x",
                "\u3000=1+1",
                "\uFF1D1+1",
                "\uFF0B1",
                "\uFF0D1",
                "\uFF201",
                "\t",
                "\r",
                "\n=1"
            })
    void a_cell_that_would_start_a_formula_is_prefixed_with_an_apostrophe_and_quoted(String text) {
        String cell = CsvExport.cell(text);

        assertThat(cell).startsWith("\"'");
        assertThat(cell).endsWith("\"");
        assertThat(unquote(cell)).isEqualTo("'" + text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hopeful", "We talked about money", "a=b", "1+1", "email@example.org", "", " calm "})
    void ordinary_text_is_left_as_written(String text) {
        assertThat(CsvExport.cell(text)).isEqualTo(text);
    }

    @Test
    void numbers_are_values_not_text_and_stay_as_they_are() {
        assertThat(CsvExport.cell(-3)).isEqualTo("-3");
        assertThat(CsvExport.cell(4)).isEqualTo("4");
    }

    @Test
    void commas_quotes_and_line_breaks_are_quoted_as_rfc_4180_says() {
        assertThat(CsvExport.cell("Money, \"again\"")).isEqualTo("\"Money, \"\"again\"\"\"");
        assertThat(CsvExport.cell("two\nlines")).isEqualTo("\"two\nlines\"");
    }

    private static String unquote(String cell) {
        return cell.substring(1, cell.length() - 1).replace("\"\"", "\"");
    }
}
