package app.rekindle.query;

import app.rekindle.support.WaitForDependencies;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Reads journal events from Kafka into PostgreSQL views and serves them over HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QueryServiceApplication {

    public static void main(String[] args) {
        // Started before its database (or broker) answers, it waits and says so rather than exiting.
        new SpringApplicationBuilder(QueryServiceApplication.class)
                .initializers(WaitForDependencies.postgres())
                .run(args);
    }
}
