package app.rekindle.support.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AudienceRequiredTest {

    private static final String JWT = AudienceRequired.JWT;

    @Test
    void an_issuer_without_an_audience_is_refused() {
        MockEnvironment environment = new MockEnvironment().withProperty(JWT + ".issuer-uri", "http://localhost:8082");

        assertThatThrownBy(() -> AudienceRequired.check(environment))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(JWT + ".audiences is empty");
    }

    @Test
    void a_jwk_set_with_a_blank_audience_is_refused() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(JWT + ".jwk-set-uri", "http://identity-service:8082/oauth2/jwks")
                .withProperty(JWT + ".audiences", " ");

        assertThatThrownBy(() -> AudienceRequired.check(environment)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void an_issuer_with_an_audience_starts() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty(JWT + ".issuer-uri", "http://localhost:8082")
                .withProperty(JWT + ".audiences", "rekindle-api");

        assertThatCode(() -> AudienceRequired.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void a_bare_public_key_needs_no_audience() {
        MockEnvironment environment =
                new MockEnvironment().withProperty(JWT + ".public-key-location", "file:/keys/jwt-public.pem");

        assertThatCode(() -> AudienceRequired.check(environment)).doesNotThrowAnyException();
    }
}
