package app.rekindle.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/configuration.md lists every rekindle.* property this service reads, so operators can find it. */
public abstract class ConfigurationReferenceContract {

    @Test
    void every_rekindle_property_is_in_the_configuration_reference() throws Exception {
        String reference = Files.readString(Path.of(System.getProperty("user.dir"))
                .toAbsolutePath()
                .resolveSibling("docs")
                .resolve("configuration.md"));
        ServiceProperties properties = ServiceProperties.load();

        assertThat(properties.ours()).isNotEmpty();
        assertThat(properties.ours()).allSatisfy(name -> assertThat(reference)
                .as("docs/configuration.md mentions `%s`", name)
                .contains("`" + name + "`"));
    }
}
