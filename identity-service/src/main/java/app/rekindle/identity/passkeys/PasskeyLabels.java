package app.rekindle.identity.passkeys;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpOutputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes the JSON of Spring Security's passkey registration (as Spring's own converter does) and
 * refuses a new passkey whose name is blank or longer than {@value #MAX_LENGTH} characters: the registration
 * filter then answers 400 before anything is stored. Spring takes any label, and one past the column's width
 * ended as a server error.
 */
final class PasskeyLabels implements HttpMessageConverter<Object> {

    static final int MAX_LENGTH = 64;

    private final JsonMapper json =
            JsonMapper.builder().addModule(new WebauthnJacksonModule()).build();
    private final JacksonJsonHttpMessageConverter webauthn = new JacksonJsonHttpMessageConverter(json);

    @Override
    public boolean canRead(Class<?> type, MediaType mediaType) {
        return webauthn.canRead(type, mediaType);
    }

    @Override
    public boolean canWrite(Class<?> type, MediaType mediaType) {
        return webauthn.canWrite(type, mediaType);
    }

    @Override
    public List<MediaType> getSupportedMediaTypes() {
        return webauthn.getSupportedMediaTypes();
    }

    @Override
    public Object read(Class<?> type, HttpInputMessage input) throws IOException {
        byte[] body = input.getBody().readAllBytes();
        JsonNode label = json.readTree(body).path("publicKey").path("label");
        if (!label.isString() || !fits(label.asString())) {
            throw new HttpMessageNotReadableException(
                    "a passkey needs a name of 1 to " + MAX_LENGTH + " characters", input);
        }
        return webauthn.read(type, new Buffered(input.getHeaders(), body));
    }

    @Override
    public void write(Object value, MediaType contentType, HttpOutputMessage output) throws IOException {
        webauthn.write(value, contentType, output);
    }

    private static boolean fits(String label) {
        String name = label.strip();
        return !name.isEmpty() && name.codePointCount(0, name.length()) <= MAX_LENGTH;
    }

    private record Buffered(HttpHeaders headers, byte[] body) implements HttpInputMessage {

        @Override
        public InputStream getBody() {
            return new ByteArrayInputStream(body);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
