package app.rekindle.identity;

import app.rekindle.support.WaitForDependencies;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The OpenID Connect provider in the box: people's accounts (password and passkeys) and the tokens the command
 * and query services accept. Either service works just as well with any other provider (docs/identity.md).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class IdentityServiceApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(IdentityServiceApplication.class)
                .initializers(WaitForDependencies.postgres())
                .run(args);
    }
}
