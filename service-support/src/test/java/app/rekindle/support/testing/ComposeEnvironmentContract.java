package app.rekindle.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml must only pass this service variables it reads: a misspelt or stale variable is silently
 * ignored by Spring, and the container then runs on a default. Each variable must map, by Spring Boot's
 * relaxed binding for environment variables, to a property Boot documents, one of our
 * {@code @ConfigurationProperties}, or a key of our application.yml. Each service runs it for itself.
 */
public abstract class ComposeEnvironmentContract {

    private final String service;
    /** Read by libraries straight from the environment, not through Spring. */
    private static final Set<String> NOT_SPRING = Set.of("AXONIQ_UPDATE_CHECKER_DISABLED", "JAVA_TOOL_OPTIONS");

    protected ComposeEnvironmentContract(String service) {
        this.service = service;
    }

    @Test
    void every_variable_compose_passes_is_a_property_the_service_reads() throws Exception {
        Map<String, String> environment = composeEnvironment();
        assertThat(environment)
                .as("environment of %s in docker-compose.yml", service)
                .isNotEmpty();
        ServiceProperties properties = ServiceProperties.load();

        List<String> unknown = environment.keySet().stream()
                .filter(variable -> !NOT_SPRING.contains(variable) && !properties.bindsFrom(variable))
                .toList();

        assertThat(unknown)
                .as("variables in docker-compose.yml that %s does not read", service)
                .isEmpty();
    }

    @Test
    void a_misspelt_variable_would_be_noticed() throws Exception {
        ServiceProperties properties = ServiceProperties.load();
        assertThat(properties.bindsFrom("SPRING_DATASOURCE_URL")).isTrue();
        // A dashed name, both ways Boot binds it; every service migrates its schema with Flyway.
        assertThat(properties.bindsFrom("SPRING_FLYWAY_DEFAULT_SCHEMA")).isTrue();
        assertThat(properties.bindsFrom("SPRING_FLYWAY_DEFAULTSCHEMA")).isTrue();
        assertThat(properties.bindsFrom("SPRING_FLYWAY_DEFAULT_SCHEM")).isFalse();
        assertThat(properties.bindsFrom("SPRING_DATASOURCE_URI")).isFalse();
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> composeEnvironment() throws IOException {
        Path compose = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolveSibling("docker-compose.yml");
        Map<String, Object> file;
        try (InputStream in = Files.newInputStream(compose)) {
            file = new Yaml().load(in);
        }
        Map<String, Object> described = (Map<String, Object>) ((Map<String, Object>) file.get("services")).get(service);
        Object environment = described.get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((name, value) -> variables.put(name.toString(), String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            list.forEach(entry -> variables.put(entry.toString().split("=", 2)[0], entry.toString()));
        }
        return variables;
    }
}
