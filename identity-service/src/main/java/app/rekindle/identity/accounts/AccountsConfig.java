package app.rekindle.identity.accounts;

import app.rekindle.identity.authorization.IdentityProperties;
import app.rekindle.identity.passkeys.Passkeys;
import app.rekindle.identity.throttling.SignInThrottle;
import app.rekindle.identity.throttling.SignInThrottleFilter;
import java.net.URI;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/** The pages a person signs in on (password or passkey), with a browser session of their own. */
@Configuration(proxyBeanMethods = false)
class AccountsConfig {

    static final String SIGNED_IN_HOME = "/account";

    @Bean
    @Order(2)
    SecurityFilterChain accountPages(HttpSecurity http, IdentityProperties identity, SignInThrottle throttle)
            throws Exception {
        // A wrong password, an unknown name and a blocked one all end here, in the very same way.
        AuthenticationFailureHandler passwordFailed = new SimpleUrlAuthenticationFailureHandler("/login?error");
        // What Spring's passkey sign-in answers a failed attempt with (its fetch reads only the status).
        AuthenticationFailureHandler passkeyFailed =
                new AuthenticationEntryPointFailureHandler(new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED));
        http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/login", "/signup", "/error", "/actuator/health/**", "/css/**", "/icon.svg")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(form ->
                        form.loginPage("/login").failureHandler(passwordFailed).defaultSuccessUrl(SIGNED_IN_HOME))
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(pagePolicy(identity)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .addFilterBefore(
                        new SignInThrottleFilter(throttle, passwordFailed, passkeyFailed),
                        UsernamePasswordAuthenticationFilter.class);
        Passkeys.enable(http, identity);
        return http.build();
    }

    /**
     * Everything the pages load comes from this provider (no inline script or style); forms post here, and the
     * redirects after signing in may go on to the dashboard (Chromium holds redirects after a form to
     * {@code form-action}); no other site may frame the pages.
     */
    static String pagePolicy(IdentityProperties identity) {
        String dashboards = identity.dashboardUris().stream()
                .map(uri -> URI.create(uri.getScheme() + "://" + uri.getRawAuthority())
                        .toString())
                .distinct()
                .collect(Collectors.joining(" "));
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
                + ("form-action 'self' " + dashboards).strip() + "; frame-ancestors 'none'; base-uri 'none'";
    }

    /**
     * Argon2 for every new hash; the {id} prefix of a stored hash picks the encoder that checks it. Passwords
     * are hashed and checked in their normalised form (PasswordPolicy).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new NormalisedPasswords(new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder())));
    }
}
