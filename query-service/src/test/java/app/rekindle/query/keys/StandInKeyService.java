package app.rekindle.query.keys;

import app.rekindle.events.privacy.DataKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The command service's internal key path as the query service sees it over real HTTP: 200 with the key for the
 * one credential it accepts, 410 once a journal's key is destroyed, 401 for any other token, 404 for no key. The
 * real endpoint is tested in the command service; here it stands in so the query service runs alone. Beside it, a
 * stand-in token endpoint hands that credential out for the client id and secret of a client-credentials grant
 * (the real provider's grant: KeyServiceCredentialsTest).
 */
public final class StandInKeyService {

    private static final StandInKeyService INSTANCE = start();

    private final HttpServer server;
    private final Path secretFile;
    private final String secret = "secret-" + UUID.randomUUID();
    private final String token = "query-service-" + UUID.randomUUID();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final Map<UUID, DataKey> live = new ConcurrentHashMap<>();
    private final Map<UUID, Boolean> destroyed = new ConcurrentHashMap<>();

    private StandInKeyService(HttpServer server, Path secretFile) {
        this.server = server;
        this.secretFile = secretFile;
    }

    public static StandInKeyService get() {
        return INSTANCE;
    }

    private static StandInKeyService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
            StandInKeyService service = new StandInKeyService(server, Files.createTempFile("query-service", ".secret"));
            Files.writeString(service.secretFile, service.secret);
            server.createContext("/internal/journals/", service::answer);
            server.createContext("/oauth2/token", service::issueToken);
            server.start();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI url() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    public URI tokenUri() {
        return url().resolve("/oauth2/token");
    }

    public Path secretFile() {
        return secretFile;
    }

    /** How many tokens the stand-in token endpoint has handed out. */
    public int tokensIssued() {
        return tokensIssued.get();
    }

    public DataKey keyFor(UUID journalId) {
        return live.computeIfAbsent(journalId, id -> DataKey.generate());
    }

    public void destroy(UUID journalId) {
        destroyed.put(journalId, true);
        live.remove(journalId);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String[] path = exchange.getRequestURI().getPath().split("/");
        UUID journalId = UUID.fromString(path[3]);
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "{}");
        } else if (destroyed.containsKey(journalId)) {
            reply(exchange, 410, "{}");
        } else if (!live.containsKey(journalId)) {
            reply(exchange, 404, "{}");
        } else {
            DataKey key = live.get(journalId);
            reply(
                    exchange,
                    200,
                    "{\"journalId\":\"%s\",\"keyId\":\"%s\",\"key\":\"%s\"}"
                            .formatted(
                                    journalId, key.keyId(), Base64.getEncoder().encodeToString(key.raw())));
        }
    }

    private void issueToken(HttpExchange exchange) throws IOException {
        String client = Base64.getEncoder()
                .encodeToString(("rekindle-query-service:" + secret).getBytes(StandardCharsets.UTF_8));
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (!("Basic " + client).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            reply(exchange, 401, "{\"error\":\"invalid_client\"}");
        } else if (!form.equals("grant_type=client_credentials&scope=journal-keys")) {
            reply(exchange, 400, "{\"error\":\"invalid_request\"}");
        } else {
            tokensIssued.incrementAndGet();
            reply(
                    exchange,
                    200,
                    "{\"access_token\":\"%s\",\"token_type\":\"Bearer\",\"expires_in\":300}".formatted(token));
        }
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
