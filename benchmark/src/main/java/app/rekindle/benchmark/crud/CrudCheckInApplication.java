package app.rekindle.benchmark.crud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The check-in service a team would write instead of Rekindle: Spring Boot with Tomcat, Spring Security's resource
 * server checking the same JWT, Jackson binding and Bean Validation of the same body, and one durable JDBC commit
 * inserting an event row into a table shaped like Axon's. No aggregate, no encryption, no publishing, no views.
 * The benchmark starts it as a child process ({@link CrudService}); Boot's defaults do the rest.
 */
@SpringBootApplication
public class CrudCheckInApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrudCheckInApplication.class, args);
    }
}
