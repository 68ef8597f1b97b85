package app.rekindle.command.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    @Bean
    OpenAPI rekindleCommandApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Rekindle command service")
                        .version("v1")
                        .description("Writes to a journal. Each success answers with the journal's new version "
                                + "(its last event's sequence number). Send If-Match: <version> to reject a write "
                                + "made against a stale view (409), and Idempotency-Key on POSTs to retry safely."))
                .components(new Components()
                        .addSecuritySchemes(
                                "bearer",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
