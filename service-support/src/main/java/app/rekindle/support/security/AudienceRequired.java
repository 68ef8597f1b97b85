package app.rekindle.support.security;

import java.util.List;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Refuses to start a service that trusts an issuer's tokens without checking whom they are for. A provider signs
 * tokens for every application it serves with the same keys: without an audience check, a person's token for
 * some other API of that provider would open their journals here. A service imports it from its security wiring.
 */
@Configuration(proxyBeanMethods = false)
public class AudienceRequired {

    static final String JWT = "spring.security.oauth2.resourceserver.jwt";

    // A bean factory post-processor runs before any other bean is made: the refusal comes first, alone.
    @Bean
    static BeanFactoryPostProcessor audienceRequiredCheck(Environment environment) {
        return beanFactory -> check(environment);
    }

    static void check(Environment environment) {
        boolean trustsAnIssuer = StringUtils.hasText(environment.getProperty(JWT + ".issuer-uri"))
                || StringUtils.hasText(environment.getProperty(JWT + ".jwk-set-uri"));
        List<String> audiences =
                Binder.get(environment)
                        .bind(JWT + ".audiences", Bindable.listOf(String.class))
                        .orElse(List.of())
                        .stream()
                        .filter(StringUtils::hasText)
                        .toList();
        if (trustsAnIssuer && audiences.isEmpty()) {
            throw new IllegalStateException(JWT + ".audiences is empty while " + JWT + ".issuer-uri or "
                    + JWT + ".jwk-set-uri is set: the issuer's tokens for any other application would be"
                    + " accepted. Set the audience this service's tokens carry (rekindle-api).");
        }
    }
}
