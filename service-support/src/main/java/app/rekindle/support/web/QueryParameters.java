package app.rekindle.support.web;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * Checks a raw query string: every name and value must be valid percent-encoded UTF-8 (strictly: the
 * container would otherwise replace bad bytes and log the mangled value), clean text by {@link TextRules},
 * and no longer than the limit. Answers the problem for the first offender, naming the parameter.
 */
final class QueryParameters {

    private QueryParameters() {}

    static Map<String, Object> check(String query, int maxLength) {
        if (query == null || query.isEmpty()) {
            return null;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name == null || !TextRules.isSafe(name)) {
                return ProblemWriter.invalid(
                        HttpStatus.BAD_REQUEST,
                        "query",
                        TextRules.RULE,
                        "A query parameter's name is malformed or holds characters that are not allowed.");
            }
            if (value == null || !TextRules.isSafe(value)) {
                return ProblemWriter.invalid(
                        HttpStatus.BAD_REQUEST,
                        name,
                        TextRules.RULE,
                        name + " is malformed or holds characters that are not allowed.");
            }
            if (value.length() > maxLength) {
                return ProblemWriter.invalid(
                        HttpStatus.BAD_REQUEST,
                        name,
                        "max-length",
                        name + " must be at most " + maxLength + " characters.");
            }
        }
        return null;
    }

    /** Percent-decoding into bytes, then strict UTF-8; null when either is malformed. */
    static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()
                        || !HexFormat.isHexDigit(raw.charAt(i + 1))
                        || !HexFormat.isHexDigit(raw.charAt(i + 2))) {
                    return null;
                }
                bytes.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else if (c > 0x7F) {
                return null;
            } else {
                bytes.write(c == '+' ? ' ' : c);
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
