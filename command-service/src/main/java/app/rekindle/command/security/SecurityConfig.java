package app.rekindle.command.security;

import app.rekindle.support.security.AudienceRequired;
import app.rekindle.support.security.JwtDecoderCaching;
import app.rekindle.support.security.Operators;
import app.rekindle.support.security.SecurityObservations;
import app.rekindle.support.security.ServiceSecurity;
import app.rekindle.support.web.HttpEdge;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Bearer JWTs on every command; the token's subject owns what it opens. The rest is {@link ServiceSecurity}. */
@Configuration(proxyBeanMethods = false)
@Import({HttpEdge.class, SecurityObservations.class, JwtDecoderCaching.class, AudienceRequired.class})
@EnableConfigurationProperties(Operators.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(
            HttpSecurity http,
            Operators operators,
            @Value("${rekindle.cors.allowed-origins:}") List<String> corsOrigins)
            throws Exception {
        http.authorizeHttpRequests(auth -> {
            auth.requestMatchers(HttpMethod.GET, ServiceSecurity.PUBLIC_GETS).permitAll();
            auth.requestMatchers(ServiceSecurity.OPERATOR_PATHS).access(operators.only());
            auth.requestMatchers("/error").permitAll();
            // Data keys go to the query service's own credential only, never to a person's token.
            auth.requestMatchers("/internal/**").hasAuthority("SCOPE_journal-keys");
            auth.anyRequest().authenticated();
        });
        // The dashboard, when served from another origin, logs entries from the browser.
        ServiceSecurity.apply(
                http,
                ServiceSecurity.cors(
                        corsOrigins,
                        List.of("GET", "POST", "DELETE"),
                        List.of("Authorization", "Content-Type", "Idempotency-Key", "If-Match")));
        return http.build();
    }
}
