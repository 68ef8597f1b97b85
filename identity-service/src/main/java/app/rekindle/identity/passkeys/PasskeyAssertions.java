package app.rekindle.identity.passkeys;

import java.io.IOException;
import java.util.Map;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a passkey sign-in (the assertion) as Spring's own converter does, but refuses a body that is JSON
 * {@code null}: Spring's sign-in filter passes the null it reads on to a constructor that refuses it, and that
 * ended as a server error instead of a failed sign-in (401).
 */
final class PasskeyAssertions extends JacksonJsonHttpMessageConverter {

    private PasskeyAssertions() {
        super(JsonMapper.builder().addModule(new WebauthnJacksonModule()).build());
    }

    static ObjectPostProcessor<WebAuthnAuthenticationFilter> forSignIn() {
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends WebAuthnAuthenticationFilter> O postProcess(O filter) {
                filter.setConverter(new PasskeyAssertions());
                return filter;
            }
        };
    }

    @Override
    public Object read(ResolvableType type, HttpInputMessage input, Map<String, Object> hints)
            throws IOException, HttpMessageNotReadableException {
        Object credential = super.read(type, input, hints);
        if (credential == null) {
            throw new HttpMessageNotReadableException("a passkey sign-in needs a credential", input);
        }
        return credential;
    }
}
