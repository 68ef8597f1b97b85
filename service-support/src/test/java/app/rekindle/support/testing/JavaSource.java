package app.rekindle.support.testing;

/** Java source text as the compiler sees it, for checks that look for names in code and must not trip on prose. */
final class JavaSource {

    private JavaSource() {}

    /** The source with its comments blanked out; string literals and text blocks (where SQL lives) are kept. */
    static String withoutComments(String source) {
        StringBuilder code = new StringBuilder(source.length());
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = endOfLine(source, i);
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? source.length() : end + 2;
                code.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                int stop = end < 0 ? source.length() : end + 3;
                code.append(source, i, stop);
                i = stop;
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                int stop = endOfLiteral(source, i);
                code.append(source, i, stop);
                i = stop;
            } else {
                code.append(source.charAt(i++));
            }
        }
        return code.toString();
    }

    private static int endOfLine(String source, int from) {
        int end = source.indexOf('\n', from);
        return end < 0 ? source.length() : end;
    }

    /** Just past the closing quote of the string or char literal opening at {@code from}, escapes skipped. */
    private static int endOfLiteral(String source, int from) {
        char quote = source.charAt(from);
        int i = from + 1;
        while (i < source.length() && source.charAt(i) != quote && source.charAt(i) != '\n') {
            i += source.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, source.length());
    }
}
