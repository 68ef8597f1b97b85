package app.rekindle.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A capability owns its tables: only its package names them in SQL. Read from the service's main sources (comments
 * left out) and its Flyway migrations, so a new table or a new query in the wrong package fails the build.
 */
public abstract class TableOwnershipContract {

    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?(\\w+)");

    /** The service's root package, e.g. {@code app.rekindle.command}. */
    protected abstract String rootPackage();

    /** Each table and the one package (below the root package, e.g. {@code eventstore}) that may name it. */
    protected abstract Map<String, String> owners();

    /**
     * Places that name a table they do not own, as {@code "package/File.java table"}; each is a known debt with the
     * change that ends it beside it. An entry that is no longer needed fails the build too, so the list stays true.
     */
    protected abstract Set<String> knownExceptions();

    @Test
    void every_table_the_migrations_create_has_an_owning_package() throws IOException {
        assertThat(owners().keySet()).containsExactlyInAnyOrderElementsOf(createdTables());
    }

    @Test
    void only_the_owning_package_names_a_table_in_its_sql() throws IOException {
        assertThat(trespasses())
                .as("tables named outside their owning package (see owners())")
                .isSubsetOf(knownExceptions());
    }

    @Test
    void every_known_exception_is_still_needed() throws IOException {
        assertThat(knownExceptions())
                .as("known exceptions that no longer happen: remove them")
                .isSubsetOf(trespasses());
    }

    private Set<String> createdTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path file : files.toList()) {
                Matcher created = CREATE_TABLE.matcher(Files.readString(file));
                while (created.find()) {
                    tables.add(created.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        assertThat(tables).isNotEmpty();
        return tables;
    }

    /** Every "package/File.java table" where a file names a table its package does not own. */
    private Set<String> trespasses() throws IOException {
        Path root = Path.of("src/main/java").resolve(rootPackage().replace('.', '/'));
        Set<String> found = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(root)) {
            for (Path source :
                    sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Path relative = root.relativize(source);
                String pkg = relative.getNameCount() > 1 ? relative.getName(0).toString() : "";
                String code = JavaSource.withoutComments(Files.readString(source));
                owners().forEach((table, owner) -> {
                    if (!owner.equals(pkg)
                            && Pattern.compile("\\b" + table + "\\b", Pattern.CASE_INSENSITIVE)
                                    .matcher(code)
                                    .find()) {
                        found.add(relative.toString().replace('\\', '/') + " " + table);
                    }
                });
            }
        }
        return found;
    }
}
