package app.rekindle.query.export;

/**
 * A person's text made inert in Markdown: it reads the same once rendered, but nothing in it becomes HTML, a
 * link, an image or formatting. {@code < > &} become entities (no raw HTML, no {@code <javascript:…>} autolink);
 * Markdown's link, image, emphasis, code and heading punctuation is backslash-escaped; a colon is escaped so that no
 * {@code javascript:}, {@code data:} or {@code http://} text is taken for a link by renderers that link bare
 * URLs, and so are {@code @} (bare e-mail addresses) and the dot of {@code www.}. Line breaks become spaces, so
 * a text cannot start a block (a heading, a list, a quote) of its own.
 */
final class MarkdownText {

    private static final String ESCAPED = "\\`*_[]()#!~:@";

    private MarkdownText() {}

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\n', '\r' -> out.append(' ');
                case '.' -> out.append(afterWww(text, i) ? "\\." : ".");
                default -> {
                    if (ESCAPED.indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    out.append(c);
                }
            }
        }
        return out.toString();
    }

    private static boolean afterWww(String text, int dot) {
        return dot >= 3 && text.regionMatches(true, dot - 3, "www", 0, 3);
    }
}
