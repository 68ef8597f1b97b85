package app.rekindle.query.config;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml must only pass this service variables it reads: a misspelt or stale variable is silently
 * ignored by Spring, and the container then runs on a default. Each variable must map, by Spring Boot's
 * relaxed binding for environment variables, to a property Boot documents (its configuration metadata), one of
 * our @ConfigurationProperties, or a key of our application.yml.
 */
class ComposeEnvironmentTest {

    private static final String SERVICE = "query-service";
    private static final String BASE_PACKAGE = "app.rekindle";
    /** Read by libraries straight from the environment, not through Spring. */
    private static final Set<String> NOT_SPRING = Set.of("AXONIQ_UPDATE_CHECKER_DISABLED", "JAVA_TOOL_OPTIONS");

    @Test
    void every_variable_compose_passes_is_a_property_the_service_reads() throws Exception {
        Map<String, String> environment = composeEnvironment();
        assertThat(environment).as("environment of %s in docker-compose.yml", SERVICE).isNotEmpty();
        Known known = knownProperties();

        List<String> unknown = environment.keySet().stream()
                .filter(variable -> !NOT_SPRING.contains(variable) && !known.bindsFrom(variable)).toList();

        assertThat(unknown).as("variables in docker-compose.yml that %s does not read", SERVICE).isEmpty();
    }

    @Test
    void a_misspelt_variable_would_be_noticed() throws Exception {
        Known known = knownProperties();
        assertThat(known.bindsFrom("SPRING_DATASOURCE_URL")).isTrue();
        assertThat(known.bindsFrom("REKINDLE_KAFKA_BOOTSTRAP_SERVERS")).isTrue();
        assertThat(known.bindsFrom("REKINDLE_KAFKA_BOOTSTRAPSERVERS")).isTrue();
        assertThat(known.bindsFrom("REKINDLE_KAFKA_BOOTSTRAP_SERVER")).isFalse();
        assertThat(known.bindsFrom("SPRING_DATASOURCE_URI")).isFalse();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> composeEnvironment() throws IOException {
        Path compose = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolveSibling("docker-compose.yml");
        Map<String, Object> file;
        try (InputStream in = Files.newInputStream(compose)) {
            file = new Yaml().load(in);
        }
        Map<String, Object> service = (Map<String, Object>) ((Map<String, Object>) file.get("services")).get(SERVICE);
        Object environment = service.get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((name, value) -> variables.put(name.toString(), String.valueOf(value)));
        } else if (environment instanceof List<?> list) {
            list.forEach(entry -> variables.put(entry.toString().split("=", 2)[0], entry.toString()));
        }
        return variables;
    }

    private static Known knownProperties() throws Exception {
        Set<String> names = new HashSet<>();
        Set<String> mapPrefixes = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> metadata = new ArrayList<>();
        metadata.addAll(List.of(resolver.getResources("classpath*:META-INF/spring-configuration-metadata.json")));
        metadata.addAll(List.of(resolver.getResources("classpath*:META-INF/additional-spring-configuration-metadata.json")));
        for (Resource resource : metadata) {
            try (InputStream in = resource.getInputStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    String name = property.path("name").asString();
                    names.add(name);
                    if (property.path("type").asString("").startsWith("java.util.Map")) {
                        mapPrefixes.add(name);
                    }
                }
            }
        }
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ConfigurationProperties.class));
        for (var candidate : scanner.findCandidateComponents(BASE_PACKAGE)) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            String prefix = type.getAnnotation(ConfigurationProperties.class).value();
            for (var component : type.getRecordComponents()) {
                names.add(prefix + "." + kebab(component.getName()));
            }
        }
        for (var source : new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            names.addAll(List.of(((EnumerablePropertySource<?>) source).getPropertyNames()));
        }
        return new Known(names, mapPrefixes);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    /** Property names, and the environment variable forms Spring Boot binds them from. */
    private record Known(Set<String> names, Set<String> mapPrefixes) {

        boolean bindsFrom(String variable) {
            return names.stream().anyMatch(name -> variable.equals(env(name, "")) || variable.equals(env(name, "_")))
                    || mapPrefixes.stream().anyMatch(prefix -> variable.startsWith(env(prefix, "") + "_"));
        }

        /** SPRING_DATASOURCE_URL; dashes dropped (the canonical form) or, as Boot also accepts, made underscores. */
        private static String env(String property, String dash) {
            return property.replaceAll("\\[\\d+]", "").replace(".", "_").replace("-", dash).toUpperCase();
        }
    }
}
