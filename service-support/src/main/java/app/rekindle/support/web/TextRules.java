package app.rekindle.support.web;

/**
 * Which characters text sent to Rekindle may hold. Everything printable in any script is fine, emoji and their
 * joiners included; refused are C0/C1 control characters other than tab and line breaks (PostgreSQL cannot
 * store NUL; the others corrupt logs and terminals), direction overrides and isolates (they make text read
 * differently from what it is), unpaired surrogates (not text at all) and Unicode noncharacters.
 */
public final class TextRules {

    public static final String RULE = "characters";

    private TextRules() {}

    public static boolean isSafe(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c) || !safe(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean safe(char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        boolean c1Control = c >= 0x7F && c <= 0x9F;
        boolean directionControl = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        boolean nonCharacter = (c >= 0xFDD0 && c <= 0xFDEF) || c == 0xFFFE || c == 0xFFFF;
        return !c1Control && !directionControl && !nonCharacter;
    }
}
