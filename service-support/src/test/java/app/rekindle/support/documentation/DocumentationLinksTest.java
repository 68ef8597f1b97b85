package app.rekindle.support.documentation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README is short because it links to docs/; a link that no longer resolves (a page renamed, a heading
 * reworded) would leave a newcomer at a dead end, so every relative link and its #anchor is checked here.
 */
class DocumentationLinksTest {

    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern FENCED_CODE = Pattern.compile("```.*?```", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile("^#{1,6} (.+)$", Pattern.MULTILINE);

    /** The module runs its tests in its own folder; README.md and docs/ are beside it. */
    private final Path root =
            Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    @Test
    void every_relative_link_in_the_readme_and_docs_resolves() {
        List<String> checked = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            Matcher link = LINK.matcher(prose(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.matches("^[a-z]+:.*")) {
                    continue; // http(s), mailto: not ours to check offline
                }
                checked.add(target);
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
                Path resolved =
                        path.isEmpty() ? page : page.getParent().resolve(path).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(root.relativize(page) + " → " + target + " (no such file)");
                } else if (!anchor.isEmpty()
                        && Files.isRegularFile(resolved)
                        && !anchors(resolved).contains(anchor)) {
                    broken.add(root.relativize(page) + " → " + target + " (no such heading)");
                }
            }
        }
        assertThat(checked).as("links found in README.md and docs/").isNotEmpty();
        assertThat(broken).as("links that do not resolve").isEmpty();
    }

    @Test
    void a_heading_with_code_and_punctuation_gets_githubs_anchor() {
        assertThat(slug("As of an instant: `progress?asOf=` and `timeline?asOf=`"))
                .isEqualTo("as-of-an-instant-progressasof-and-timelineasof");
        assertThat(slug("Command service (writes) — port 8080")).isEqualTo("command-service-writes--port-8080");
    }

    private List<Path> pages() {
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
            return pages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Links inside code blocks are examples, not links. */
    private static String prose(Path page) {
        try {
            return FENCED_CODE.matcher(Files.readString(page)).replaceAll("");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> anchors(Path page) {
        return HEADING.matcher(prose(page))
                .results()
                .map(heading -> slug(heading.group(1)))
                .collect(Collectors.toSet());
    }

    /** GitHub's rule: lower case, punctuation dropped (hyphens kept), each space a hyphen. */
    static String slug(String heading) {
        return heading.strip()
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                .replace(' ', '-');
    }
}
