package app.rekindle.identity;

import app.rekindle.identity.accounts.Accounts;
import app.rekindle.identity.authorization.AccountIds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Joins capabilities that must not depend on each other both ways (ArchitectureTest). */
@Configuration(proxyBeanMethods = false)
class IdentityWiring {

    /** Tokens name the account's id, which accounts keeps. */
    @Bean
    AccountIds accountIds(Accounts accounts) {
        return accounts::idOf;
    }
}
