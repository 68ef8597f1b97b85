package app.rekindle.identity.demo;

import app.rekindle.support.security.LoopbackOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Demo mode ({@code rekindle.identity.demo.enabled}, off by default): a token for any name, without an account,
 * for trying Rekindle out on one's own machine. Only a request from this machine ({@link LoopbackOnly}) reaches
 * the demo endpoint through this chain; any other falls through to the account pages' chain like a path that
 * does not exist there.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "rekindle.identity.demo.enabled", havingValue = "true")
class DemoMode {

    private static final Logger log = LoggerFactory.getLogger(DemoMode.class);

    /** Before the authorization server's and the account pages' chains, which would ask for a session. */
    @Bean
    @Order(0)
    SecurityFilterChain demoTokens(HttpSecurity http) throws Exception {
        http.securityMatcher(LoopbackOnly.of(
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, DemoTokenController.PATH)))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                // A script's JSON call: no session, no cookie, so nothing a cross-site form could ride on.
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(AbstractHttpConfigurer::disable);
        return http.build();
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        log.warn(
                "DEMO MODE: POST {} gives anyone on this machine a token for any name. Never use it in production.",
                DemoTokenController.PATH);
    }
}
