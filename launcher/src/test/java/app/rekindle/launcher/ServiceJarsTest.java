package app.rekindle.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ServiceJarsTest {

    @Test
    void jars_are_looked_for_in_services_beside_the_launcher() {
        ServiceJars jars = ServiceJars.locate(new Properties());

        // Run from target/classes here, as from target/rekindle-launcher.jar after packaging.
        Path target = Path.of("target").toAbsolutePath();
        assertThat(jars.command()).isEqualTo(target.resolve("services/command-service.jar"));
        assertThat(jars.query()).isEqualTo(target.resolve("services/query-service.jar"));
        assertThat(jars.identity()).isEqualTo(target.resolve("services/identity-service.jar"));
    }

    @Test
    void system_properties_point_elsewhere() {
        Properties properties = new Properties();
        properties.setProperty("rekindle.commandJar", "/opt/command.jar");
        properties.setProperty("rekindle.queryJar", "/opt/query.jar");
        properties.setProperty("rekindle.identityJar", "/opt/identity.jar");

        ServiceJars jars = ServiceJars.locate(properties);

        assertThat(jars)
                .isEqualTo(new ServiceJars(
                        Path.of("/opt/command.jar"), Path.of("/opt/query.jar"), Path.of("/opt/identity.jar")));
    }
}
