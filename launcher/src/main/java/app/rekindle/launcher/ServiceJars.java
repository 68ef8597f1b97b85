package app.rekindle.launcher;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Properties;

/**
 * Where the services' executable jars are: the build copies them into {@code services/} beside the
 * launcher jar ({@code launcher/target/}); run from classes (tests, an IDE) that is the same folder.
 */
public record ServiceJars(Path command, Path query, Path identity) {

    public static ServiceJars locate(Properties systemProperties) {
        Path services = launcherDirectory(systemProperties).resolve("services");
        return new ServiceJars(
                pathOr(systemProperties, "rekindle.commandJar", services.resolve("command-service.jar")),
                pathOr(systemProperties, "rekindle.queryJar", services.resolve("query-service.jar")),
                pathOr(systemProperties, "rekindle.identityJar", services.resolve("identity-service.jar")));
    }

    private static Path pathOr(Properties systemProperties, String key, Path fallback) {
        String value = systemProperties.getProperty(key);
        return value == null || value.isBlank() ? fallback : Path.of(value).toAbsolutePath();
    }

    private static Path launcherDirectory(Properties systemProperties) {
        CodeSource source = ServiceJars.class.getProtectionDomain().getCodeSource();
        if (source != null && "file".equals(source.getLocation().getProtocol())) {
            try {
                // target/classes or target/rekindle-launcher.jar: both have target/ as parent.
                return Path.of(source.getLocation().toURI()).toAbsolutePath().getParent();
            } catch (URISyntaxException unusual) {
                // Fall through to the class path.
            }
        }
        // Inside Spring Boot's executable jar the code source is a nested URL; `java -jar` still
        // names the outer jar as the class path.
        return Path.of(systemProperties.getProperty("java.class.path"))
                .toAbsolutePath()
                .getParent();
    }

    static void requireExists(String service, Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The " + service + " jar is missing: " + jar
                    + " — build first (./mvnw -DskipTests install, or simply ./rekindle run)");
        }
    }
}
