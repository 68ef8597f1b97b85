package app.rekindle.support.security;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * Wraps whichever decoder Spring Boot built (public key here, issuer or JWK set in production) in a
 * {@link CachingJwtDecoder}, so the key configuration stays Boot's. A service imports it from its security
 * wiring; in the query service's read profile the signature check was a fifth of each read's CPU.
 */
@Configuration(proxyBeanMethods = false)
public class JwtDecoderCaching {

    @Bean
    static BeanPostProcessor cachingJwtDecoder(Environment environment) {
        int maxTokens = environment.getProperty("rekindle.security.verified-token-cache", Integer.class, 1000);
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof JwtDecoder decoder && !(bean instanceof CachingJwtDecoder) && maxTokens > 0
                        ? new CachingJwtDecoder(decoder, maxTokens)
                        : bean;
            }
        };
    }
}
