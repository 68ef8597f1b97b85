package app.rekindle.support.web;

import app.rekindle.support.json.StrictJson;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Registers what guards both services' HTTP edge: request limits, strict JSON, the character rules on bodies,
 * and problem+json for errors raised outside the controllers. A service imports it from its security wiring.
 */
@Configuration(proxyBeanMethods = false)
@Import({StrictJson.class, TomcatRefusals.class})
@EnableConfigurationProperties(RequestLimitsProperties.class)
public class HttpEdge {

    @Bean
    RequestLimits requestLimits(RequestLimitsProperties limits) {
        return new RequestLimits(limits);
    }

    @Bean
    UnsafeTextAdvice unsafeTextAdvice() {
        return new UnsafeTextAdvice();
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> serverWideOptions() {
        return factory -> factory.addConnectorCustomizers(ServerWideOptions::install);
    }

    @Bean
    ProblemErrorController problemErrorController() {
        return new ProblemErrorController();
    }
}
