package app.rekindle.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.launcher.EmbeddedStack;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A whole journaling scenario with a unique marker in every free-text field, plus bad requests carrying
 * markers and a forged token; then the logs of the whole run (launcher and both services, every test of this
 * JVM so far) must hold no marker, no token and no key material. Answers carry the security headers, and a
 * browser on another origin is refused.
 */
class NothingLeaksTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final EmbeddedStack stack = RunningStack.get();
    private final String marker = "LEAK" + HexFormat.of().formatHex(randomBytes());

    @Test
    void no_free_text_token_or_key_reaches_the_logs() throws Exception {
        String token = Http.tokenFor(stack, "leak-check");
        Http writes = new Http(stack.commandUrl(), token);
        LeakScenario.Journal journal = new LeakScenario(writes, marker).run();
        String journalId = journal.id();
        long version = journal.version();
        Http reads = new Http(stack.queryUrl(), token);
        String q = URLEncoder.encode(marker, StandardCharsets.UTF_8);
        assertThat(reads.get("/journals/" + journalId + "/timeline?minVersion=" + version + "&q=" + q)
                        .status())
                .isEqualTo(200);
        for (String format : new String[] {"json", "markdown", "csv"}) {
            assertThat(send(stack.queryUrl(), "GET", "/journals/" + journalId + "/export?format=" + format, token, null)
                            .statusCode())
                    .isEqualTo(200);
        }
        reads.get("/journals/" + journalId + "/history");
        new Http(stack.queryUrl(), marker + "-forged-token").get("/journals");

        String logs = Files.readString(RunningStack.log(), StandardCharsets.UTF_8);
        assertThat(logs).as("the run's logs").isNotBlank().contains("[command]").contains("[query]");
        assertThat(logs).as("a free-text marker in the logs").doesNotContain(marker);
        assertThat(logs)
                .as("the bearer token in the logs")
                .doesNotContain(token)
                .doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        assertThat(logs).as("key material in the logs").doesNotContain("PRIVATE KEY");
        for (String keyLine : keyLines()) {
            assertThat(logs).as("a line of a key in the logs").doesNotContain(keyLine);
        }
    }

    @Test
    void answers_carry_security_headers_and_other_origins_are_refused() throws Exception {
        String token = Http.tokenFor(stack, "headers-check");
        for (URI service : List.of(stack.commandUrl(), stack.queryUrl())) {
            for (HttpResponse<String> answer : List.of(
                    send(service, "GET", "/journals", token, null), send(service, "GET", "/journals", null, null))) {
                var headers = answer.headers();
                String what = service + " " + answer.statusCode();
                assertThat(headers.firstValue("X-Content-Type-Options"))
                        .as(what)
                        .hasValue("nosniff");
                assertThat(headers.firstValue("Cache-Control").orElse(""))
                        .as(what)
                        .contains("no-store");
                assertThat(headers.firstValue("X-Frame-Options")).as(what).hasValue("DENY");
                assertThat(headers.firstValue("Content-Security-Policy").orElse(""))
                        .as(what)
                        .contains("frame-ancestors 'none'");
                assertThat(headers.firstValue("Referrer-Policy")).as(what).hasValue("no-referrer");
            }
            HttpResponse<String> preflight = send(service, "OPTIONS", "/journals", null, "https://evil.example");
            assertThat(preflight.statusCode()).as(service + " preflight").isEqualTo(403);
            assertThat(preflight.headers().firstValue("Content-Type").orElse(""))
                    .startsWith("application/problem+json");
            assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(service.toString())
                    .isEmpty();
            HttpResponse<String> crossOrigin = send(service, "GET", "/journals", token, "https://evil.example");
            assertThat(crossOrigin.statusCode())
                    .as(service + " cross-origin GET")
                    .isEqualTo(403);
            assertThat(crossOrigin.headers().firstValue("Access-Control-Allow-Origin"))
                    .as(service.toString())
                    .isEmpty();
        }
        // The dashboard's own origin is the one the launcher opens, and only on the command service.
        HttpResponse<String> dashboard = send(
                stack.commandUrl(),
                "OPTIONS",
                "/journals",
                null,
                stack.queryUrl().toString().replaceAll("/$", ""));
        assertThat(dashboard.headers().firstValue("Access-Control-Allow-Origin"))
                .isPresent();
    }

    private static HttpResponse<String> send(URI service, String method, String path, String token, String origin)
            throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(service.resolve(path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (origin != null) {
            request.header("Origin", origin);
            if (method.equals("OPTIONS")) {
                request.header("Access-Control-Request-Method", "POST");
                request.header("Access-Control-Request-Headers", "authorization,content-type");
            }
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Long enough lines of every PEM file under the data folder: the keys that sign and check tokens. */
    private static List<String> keyLines() throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(RunningStack.dataDir().resolve("keys"))) {
            for (Path pem : files.filter(p -> p.toString().endsWith(".pem")).toList()) {
                Files.readAllLines(pem).stream()
                        .filter(line -> !line.startsWith("-----") && line.length() >= 32)
                        .forEach(lines::add);
            }
        }
        assertThat(lines).as("key lines found to look for").isNotEmpty();
        return lines;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
