package app.rekindle.command;

import app.rekindle.support.WaitForDependencies;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The write side: validates commands against each journal's rules and appends the events they cause. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CommandServiceApplication {

    public static void main(String[] args) {
        // Started before its database (or broker) answers, it waits and says so rather than exiting.
        new SpringApplicationBuilder(CommandServiceApplication.class)
                .initializers(WaitForDependencies.postgresAndKafka())
                .run(args);
    }
}
