package app.rekindle.identity.accounts;

import app.rekindle.identity.authorization.IdentityProperties;
import app.rekindle.identity.passkeys.Passkeys;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** The pages a person signs in on (password or passkey), with a browser session of their own. */
@Configuration(proxyBeanMethods = false)
class AccountsConfig {

    @Bean
    @Order(2)
    SecurityFilterChain accountPages(HttpSecurity http, IdentityProperties identity) throws Exception {
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/login", "/error", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .formLogin(Customizer.withDefaults());
        Passkeys.enable(http, identity);
        return http.build();
    }

    /** Argon2 for every new hash; the {id} prefix of a stored hash picks the encoder that checks it. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(
                "argon2",
                Map.of(
                        "argon2",
                        Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                        "bcrypt",
                        new BCryptPasswordEncoder()));
    }
}
