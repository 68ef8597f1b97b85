package app.rekindle.query.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The dashboard's settings as the service's own application.yml binds them, with and without overrides. */
class DashboardPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(DashboardProperties.class)
    static class Bound {}

    private final ApplicationContextRunner service = new ApplicationContextRunner()
            .withInitializer(new ConfigDataApplicationContextInitializer())
            .withUserConfiguration(Bound.class);

    @Test
    void by_default_people_sign_in_where_the_services_tokens_come_from_as_the_rekindle_dashboard_client() {
        service.withPropertyValues(
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:8082",
                        "REKINDLE_COMMAND_SERVICE_URL=http://localhost:9080")
                .run(context -> {
                    DashboardProperties dashboard = context.getBean(DashboardProperties.class);
                    assertThat(dashboard.issuer()).isEqualTo("http://localhost:8082");
                    assertThat(dashboard.clientId()).isEqualTo("rekindle-dashboard");
                    assertThat(dashboard.demo()).isFalse();
                    assertThat(dashboard.commandServiceUrl()).isEqualTo("http://localhost:9080");
                });
    }

    @Test
    void without_an_issuer_anywhere_the_dashboard_has_none_and_can_only_take_a_pasted_token() {
        service.run(context -> {
            DashboardProperties dashboard = context.getBean(DashboardProperties.class);
            assertThat(dashboard.issuer()).isNull();
            assertThat(dashboard.commandServiceUrl()).isEqualTo("http://localhost:8080");
        });
    }

    @Test
    void an_operator_may_name_another_provider_client_and_demo_mode() {
        service.withPropertyValues(
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri=http://localhost:8082",
                        "rekindle.dashboard.issuer=https://sso.example.org/realms/rekindle",
                        "rekindle.dashboard.client-id=journal-web",
                        "rekindle.dashboard.demo=true")
                .run(context -> {
                    DashboardProperties dashboard = context.getBean(DashboardProperties.class);
                    assertThat(dashboard.issuer()).isEqualTo("https://sso.example.org/realms/rekindle");
                    assertThat(dashboard.clientId()).isEqualTo("journal-web");
                    assertThat(dashboard.demo()).isTrue();
                });
    }
}
