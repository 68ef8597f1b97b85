package app.rekindle.support.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads, compares and (with -Dopenapi.write=true) rewrites a committed OpenAPI document under docs/openapi. */
public final class SpecFile {

    public static String regenerate(String service) {
        return "./mvnw -B -pl " + service + " -am verify -Dtest=OpenApiSpecTest "
                + "-Dsurefire.failIfNoSpecifiedTests=false -Dopenapi.write=true";
    }

    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private SpecFile() {}

    /** The module runs its tests in its own folder; docs/ is beside it. */
    public static Path committed(String name) {
        return Path.of(System.getProperty("user.dir"))
                .toAbsolutePath()
                .resolveSibling("docs")
                .resolve("openapi")
                .resolve(name);
    }

    public static void assertMatches(Path file, JsonNode served, String service) {
        JsonNode actual = canonical(served);
        // The server URL names this test's random port; clients use their own base URL anyway.
        ((ObjectNode) actual).remove("servers");
        try {
            if (Boolean.getBoolean("openapi.write")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, JSON.writeValueAsString(actual) + "\n");
                return;
            }
            if (!Files.exists(file)) {
                fail("%s is missing. Generate it with: %s", file, regenerate(service));
            }
            JsonNode expected = JSON.readTree(Files.readString(file));
            if (!expected.equals(actual)) {
                List<String> differences = new ArrayList<>();
                diff("", expected, actual, differences);
                fail(
                        "The %s API no longer matches %s. If the change is intended, regenerate the file and commit "
                                + "it:%n  %s%nFirst differences (JSON pointers):%n  %s",
                        service,
                        file,
                        regenerate(service),
                        String.join("\n  ", differences.subList(0, Math.min(20, differences.size()))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Operations without a summary and parameters without a description, as readable lines. */
    public static List<String> undocumented(JsonNode spec) {
        List<String> missing = new ArrayList<>();
        spec.get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    String name = operation.getKey().toUpperCase() + " " + path.getKey();
                    if (!operation.getValue().hasNonNull("summary")) {
                        missing.add(name + ": no summary (add @Operation(summary = ...))");
                    }
                    operation.getValue().path("parameters").forEach(parameter -> {
                        if (!parameter.hasNonNull("description")) {
                            missing.add(name + ": parameter "
                                    + parameter.get("name").asString() + " has no description");
                        }
                    });
                }));
        return missing;
    }

    private static JsonNode canonical(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            new TreeSet<>(node.propertyNames()).forEach(name -> sorted.set(name, canonical(node.get(name))));
            return sorted;
        }
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        return node;
    }

    private static void diff(String pointer, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected.equals(actual)) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                String child = pointer + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    out.add(child + " (new in the code)");
                } else if (!actual.has(name)) {
                    out.add(child + " (gone from the code)");
                } else {
                    diff(child, expected.get(name), actual.get(name), out);
                }
            }
            return;
        }
        out.add(pointer + " (changed)");
    }
}
