package app.rekindle.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "Plain words.",
                "Zoë and Jürgen",
                "我们又一起笑了",
                "لقد ضحكنا",
                "💛👩‍❤️‍👨 together",
                "line one\nline two\r\n\tindented",
                "'; DROP TABLE x; -- <script>"
            })
    void printable_text_in_any_script_is_allowed(String text) {
        assertThat(TextRules.isSafe(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\u0000",
                "a\u0007b",
                "\u001b[2J",
                "\u007f",
                "\u009b31m",
                "\u202Egnp.exe",
                "\u2066x\u2069",
                "x\ud800y",
                "\udc00",
                "end\ud83d",
                "\uFFFF",
                "\uFDD0"
            })
    void control_direction_and_broken_characters_are_refused(String text) {
        assertThat(TextRules.isSafe(text)).isFalse();
    }
}
