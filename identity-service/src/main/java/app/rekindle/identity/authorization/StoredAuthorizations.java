package app.rekindle.identity.authorization;

import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.jackson.SecurityJacksonModules;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.JdbcOAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.web.webauthn.jackson.WebauthnJacksonModule;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;

/**
 * Authorizations (codes, tokens, device codes) and consents live in PostgreSQL, so a restart signs nobody out.
 * Each row stores the signed-in person as typed JSON, read back through an allowlist of types; a passkey sign-in
 * leaves a {@code WebAuthnAuthentication} there, which Spring's default allowlist lacks (the code exchange after
 * a passkey sign-in failed), so the passkey module's types are added.
 */
@Configuration(proxyBeanMethods = false)
class StoredAuthorizations {

    @Bean
    OAuth2AuthorizationService authorizations(JdbcOperations jdbc, RegisteredClientRepository clients) {
        BasicPolymorphicTypeValidator.Builder allowed = BasicPolymorphicTypeValidator.builder();
        WebauthnJacksonModule passkeys = new WebauthnJacksonModule();
        passkeys.configurePolymorphicTypeValidator(allowed);
        List<JacksonModule> modules =
                new ArrayList<>(SecurityJacksonModules.getModules(getClass().getClassLoader(), allowed));
        modules.add(passkeys);
        JsonMapper json = JsonMapper.builder().addModules(modules).build();
        JdbcOAuth2AuthorizationService service = new JdbcOAuth2AuthorizationService(jdbc, clients);
        service.setAuthorizationRowMapper(
                new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationRowMapper(clients, json));
        service.setAuthorizationParametersMapper(
                new JdbcOAuth2AuthorizationService.JsonMapperOAuth2AuthorizationParametersMapper(json));
        return service;
    }

    @Bean
    OAuth2AuthorizationConsentService consents(JdbcOperations jdbc, RegisteredClientRepository clients) {
        return new JdbcOAuth2AuthorizationConsentService(jdbc, clients);
    }
}
