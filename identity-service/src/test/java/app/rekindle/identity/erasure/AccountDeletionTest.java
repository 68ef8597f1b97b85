package app.rekindle.identity.erasure;

import static org.assertj.core.api.Assertions.assertThat;

import app.rekindle.embedded.SharedTestInfrastructure;
import app.rekindle.identity.RunningProvider;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Deleting an account through its page, against the real provider and PostgreSQL. The command service is
 * played by a small HTTP server that records what it is asked and answers as told: this test is about the
 * provider's side (what it sends, what it deletes, what it keeps when the journals are not erased); the whole
 * path through the real command service is the launcher's AccountDeletionInStackTest.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class AccountDeletionTest {

    private static final int PORT = RunningProvider.freePort();
    private static final String ISSUER = RunningProvider.issuer(PORT);
    private static final CommandServiceStandIn COMMAND_SERVICE = CommandServiceStandIn.start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RunningProvider.register(registry, PORT);
        registry.add("rekindle.identity.command-service-url", COMMAND_SERVICE::url);
    }

    @AfterAll
    static void stopStandIn() {
        COMMAND_SERVICE.server.stop(0);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder passwords;

    private final HttpClient browser = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @BeforeEach
    void answerOk() {
        COMMAND_SERVICE.status = 200;
        COMMAND_SERVICE.requests.clear();
    }

    @Test
    void the_journals_are_erased_first_then_everything_of_the_account_is_deleted() throws Exception {
        UUID account = createAccount("Ada", "a long enough pass phrase");
        signIn("ada", "a long enough pass phrase");

        HttpResponse<String> deleted = confirmDeletion("a long enough pass phrase");

        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(deleted.body()).contains("id=\"account-deleted\"");
        assertThat(COMMAND_SERVICE.requests).hasSize(1);
        Request erasure = COMMAND_SERVICE.requests.getFirst();
        assertThat(erasure.path()).isEqualTo("/internal/owners/" + account + "/erasure");
        SignedJWT token = SignedJWT.parse(erasure.bearer());
        assertThat(token.verify(new RSASSAVerifier(
                        SharedTestInfrastructure.get().jwtKeys().publicKey())))
                .isTrue();
        assertThat(token.getJWTClaimsSet().getStringListClaim("scope")).containsExactly("accounts-erase");
        assertThat(token.getJWTClaimsSet().getAudience()).containsExactly("rekindle-api");
        assertThat(token.getJWTClaimsSet().getSubject()).isEqualTo("rekindle-identity-service");
        assertThat(token.getJWTClaimsSet().getIssuer()).isEqualTo(ISSUER);
        assertThat(accountCount(account)).isZero();
        assertThat(get("/account").statusCode()).as("the session ended").isEqualTo(302);
        assertThat(signInAnswer("ada", "a long enough pass phrase")).contains("error");
    }

    @Test
    void a_wrong_password_deletes_nothing_and_asks_nothing_of_the_command_service() throws Exception {
        UUID account = createAccount("Bea", "a long enough pass phrase");
        signIn("bea", "a long enough pass phrase");

        HttpResponse<String> refused = confirmDeletion("not the password");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"delete-problem\"").contains("Nothing was deleted");
        assertThat(COMMAND_SERVICE.requests).isEmpty();
        assertThat(accountCount(account)).isOne();
    }

    @Test
    void when_the_journals_cannot_be_erased_the_account_stays() throws Exception {
        UUID account = createAccount("Cy", "a long enough pass phrase");
        signIn("cy", "a long enough pass phrase");
        COMMAND_SERVICE.status = 503;

        HttpResponse<String> notNow = confirmDeletion("a long enough pass phrase");

        assertThat(notNow.statusCode()).isEqualTo(503);
        assertThat(notNow.body()).contains("your account was kept");
        assertThat(COMMAND_SERVICE.requests).hasSize(1);
        assertThat(accountCount(account)).isOne();
        assertThat(get("/account/delete").statusCode()).as("still signed in").isEqualTo(200);
    }

    private HttpResponse<String> confirmDeletion(String password) throws Exception {
        String page = get("/account/delete").body();
        return post("/account/delete", Map.of("password", password, "_csrf", csrfOf(page)));
    }

    private long accountCount(UUID id) {
        return jdbc.sql("SELECT count(*) FROM person_account WHERE id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private UUID createAccount(String username, String password) {
        return RunningProvider.createAccount(jdbc, passwords, username, password);
    }

    private void signIn(String username, String password) throws Exception {
        assertThat(signInAnswer(username, password)).doesNotContain("error");
    }

    private String signInAnswer(String username, String password) throws Exception {
        String page = get("/login").body();
        HttpResponse<String> answer =
                post("/login", Map.of("username", username, "password", password, "_csrf", csrfOf(page)));
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    private static String csrfOf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return browser.send(
                HttpRequest.newBuilder(URI.create(ISSUER + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, Map<String, String> fields)
            throws IOException, InterruptedException {
        String form = fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return browser.send(
                HttpRequest.newBuilder(URI.create(ISSUER + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    record Request(String path, String bearer) {}

    /** Records each erasure request and answers with the status the test sets. */
    static final class CommandServiceStandIn {
        final HttpServer server;
        final List<Request> requests = new CopyOnWriteArrayList<>();
        volatile int status = 200;

        private CommandServiceStandIn(HttpServer server) {
            this.server = server;
        }

        static CommandServiceStandIn start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                CommandServiceStandIn standIn = new CommandServiceStandIn(server);
                server.createContext("/", exchange -> {
                    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                    standIn.requests.add(new Request(
                            exchange.getRequestURI().getPath(), authorization.substring("Bearer ".length())));
                    byte[] body = "{\"erased\":[]}".getBytes(StandardCharsets.UTF_8);
                    exchange.getResponseHeaders().add("Content-Type", "application/json");
                    exchange.sendResponseHeaders(standIn.status, body.length);
                    exchange.getResponseBody().write(body);
                    exchange.close();
                });
                server.start();
                return standIn;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }
    }
}
