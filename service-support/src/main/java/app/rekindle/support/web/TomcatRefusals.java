package app.rekindle.support.web;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What Tomcat answers to a request it refuses before any application code sees it (a header over the limit, an
 * encoded slash, a malformed request line): the {@link ProblemReportValve}'s problem+json, in every service.
 */
@Configuration(proxyBeanMethods = false)
public class TomcatRefusals {

    /** Tomcat's host adds its error report valve at start; naming ours makes it the one. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemReportValve.class.getName());
            }
        });
    }
}
