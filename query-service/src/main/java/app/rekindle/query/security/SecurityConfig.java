package app.rekindle.query.security;

import app.rekindle.support.security.AudienceRequired;
import app.rekindle.support.security.JwtDecoderCaching;
import app.rekindle.support.security.Operators;
import app.rekindle.support.security.SecurityObservations;
import app.rekindle.support.security.ServiceSecurity;
import app.rekindle.support.web.HttpEdge;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** Bearer JWTs on every read; the token's subject is the journal owner. The rest is {@link ServiceSecurity}. */
@Configuration(proxyBeanMethods = false)
@Import({HttpEdge.class, SecurityObservations.class, JwtDecoderCaching.class, AudienceRequired.class})
@EnableConfigurationProperties(Operators.class)
class SecurityConfig {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, Operators operators) throws Exception {
        http.authorizeHttpRequests(auth -> auth.requestMatchers(HttpMethod.GET, ServiceSecurity.PUBLIC_GETS)
                .permitAll()
                .requestMatchers(ServiceSecurity.OPERATOR_PATHS)
                .access(operators.only())
                .requestMatchers("/error")
                .permitAll()
                // The dashboard's page and assets (its libraries: webjars, or vendored where none exists); its
                // data still needs the bearer token.
                .requestMatchers(
                        HttpMethod.GET,
                        "/",
                        "/index.html",
                        "/dashboard/**",
                        "/webjars/**",
                        "/vendor/**",
                        "/favicon.ico")
                .permitAll()
                .anyRequest()
                .authenticated());
        // The dashboard is served from this service's own origin: no cross-origin calls at all.
        ServiceSecurity.apply(http, ServiceSecurity.cors(List.of(), List.of(), List.of()));
        return http.build();
    }
}
