package app.rekindle.identity.passkeys;

import app.rekindle.identity.authorization.IdentityProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;

/**
 * Signing in with a passkey instead of a password (Spring Security's WebAuthn support). A passkey is bound to
 * this provider's host name (the relying party id) and accepted only from its own origin.
 */
@Configuration(proxyBeanMethods = false)
public class Passkeys {

    /**
     * Adds the passkey ceremonies (register, sign in, remove) to the chain of the account pages. Our own passkeys
     * page ({@link PasskeysPage}) replaces Spring's default registration page.
     */
    public static void enable(HttpSecurity http, IdentityProperties identity) throws Exception {
        String origin = identity.issuer().resolve("/").toString().replaceFirst("/$", "");
        http.webAuthn(passkeys -> passkeys.rpName("Rekindle")
                .rpId(identity.issuer().getHost())
                .allowedOrigins(origin)
                .messageConverter(new PasskeyLabels())
                .disableDefaultRegistrationPage(true)
                .withObjectPostProcessor(PasskeyAssertions.forSignIn()));
        // Added now, so it sorts before the registration filter the configurer adds at the same place when the
        // chain is built: removal answers here.
        ApplicationContext context = http.getSharedObject(ApplicationContext.class);
        http.addFilterAfter(
                new PasskeyRemoval(
                        context.getBean(UserCredentialRepository.class),
                        context.getBean(PublicKeyCredentialUserEntityRepository.class)),
                AuthorizationFilter.class);
    }

    @Bean
    PublicKeyCredentialUserEntityRepository passkeyUsers(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    UserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }
}
