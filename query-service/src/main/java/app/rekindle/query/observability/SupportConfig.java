package app.rekindle.query.observability;

import app.rekindle.query.config.RekindleKafkaProperties;
import app.rekindle.support.KafkaHealthIndicator;
import app.rekindle.support.RequestLogContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operational pieces this service shares with the other one (module {@code service-support}). */
@Configuration(proxyBeanMethods = false)
class SupportConfig {

    /** The bean name makes the check "kafka" in /actuator/health and the readiness group. */
    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(RekindleKafkaProperties kafka) {
        return new KafkaHealthIndicator(kafka.bootstrapServers(), "rekindle-query-health");
    }

    @Bean
    RequestLogContext requestLogContext() {
        return new RequestLogContext();
    }
}
