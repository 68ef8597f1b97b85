package app.rekindle.query.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    static {
        // A streamed download (the export) is described as what it is on the wire, a string.
        SpringDocUtils.getConfig().replaceWithClass(StreamingResponseBody.class, String.class);
    }

    @Bean
    OpenAPI rekindleQueryApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Rekindle query service")
                                .version("v1")
                                .description(
                                        "Read views of a journal: journals, timeline, entries, progress. Every read "
                                                + "accepts minVersion=N to read your own writes; 202 means the view has not caught up yet."))
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
