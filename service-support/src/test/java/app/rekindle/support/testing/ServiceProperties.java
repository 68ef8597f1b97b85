package app.rekindle.support.testing;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The property names this service reads: those Spring Boot documents (configuration metadata on the class
 * path), those of our {@code @ConfigurationProperties} records, and the keys of our application.yml.
 */
public record ServiceProperties(Set<String> ours, Set<String> names, Set<String> mapPrefixes) {

    private static final String BASE_PACKAGE = "app.rekindle";

    public static ServiceProperties load() throws Exception {
        Set<String> ours = new TreeSet<>();
        Set<String> names = new HashSet<>();
        Set<String> mapPrefixes = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<Resource> metadata = new ArrayList<>();
        metadata.addAll(List.of(resolver.getResources("classpath*:META-INF/spring-configuration-metadata.json")));
        metadata.addAll(
                List.of(resolver.getResources("classpath*:META-INF/additional-spring-configuration-metadata.json")));
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
                ours.add(prefix + "." + kebab(component.getName()));
            }
        }
        for (var source :
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
                if (name.startsWith("rekindle.")) {
                    ours.add(name);
                } else {
                    names.add(name);
                }
            }
        }
        names.addAll(ours);
        return new ServiceProperties(ours, names, mapPrefixes);
    }

    /** Whether Spring Boot binds some property this service reads from the environment variable. */
    public boolean bindsFrom(String variable) {
        return names.stream().anyMatch(name -> variable.equals(env(name, "")) || variable.equals(env(name, "_")))
                || mapPrefixes.stream().anyMatch(prefix -> variable.startsWith(env(prefix, "") + "_"));
    }

    /** SPRING_DATASOURCE_URL; dashes dropped (the canonical form) or, as Boot also accepts, made underscores. */
    private static String env(String property, String dash) {
        return property.replaceAll("\\[\\d+]", "")
                .replace(".", "_")
                .replace("-", dash)
                .toUpperCase();
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }
}
