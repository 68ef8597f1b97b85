package app.rekindle.benchmark;

import app.rekindle.launcher.EmbeddedStack;
import app.rekindle.launcher.LauncherConfig;
import app.rekindle.launcher.ServiceJars;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The real stack under test (PostgreSQL and Kafka in this JVM, both services as child processes, random ports,
 * a throw-away data folder) and the ways the measurements talk to it: HTTP as a client app would, JDBC and Kafka
 * clients for the baselines and for watching the views.
 */
public final class Testbed implements AutoCloseable {

    public static final String USER = "bench";
    /** The subject of {@link #USER}'s demo token: the owner the journals it imports must name. */
    public static final String SUBJECT = "demo:" + USER;

    public static final int PARTITIONS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Mode mode;
    private final Path dataDir;
    private final EmbeddedStack stack;
    private final PrintStream serviceLog;
    private final Path output;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String token;
    private boolean closed;

    private Testbed(Mode mode, Path dataDir, EmbeddedStack stack, PrintStream serviceLog, Path output) {
        this.mode = mode;
        this.output = output;
        this.dataDir = dataDir;
        this.stack = stack;
        this.serviceLog = serviceLog;
        this.token = issueToken();
    }

    /** Starts the stack; the services' own output goes to {@code serviceLogFile}, not to the console. */
    public static Testbed start(Mode mode, Path serviceLogFile) {
        try {
            Path dataDir = Files.createTempDirectory("rekindle-bench-");
            ServiceJars jars = ServiceJars.locate(System.getProperties());
            // Demo mode: the benchmark's person gets a token by name from the identity service.
            LauncherConfig config =
                    LauncherConfig.onFreePorts(dataDir, "rekindle.journal-events", PARTITIONS, "384m", jars, true);
            Files.createDirectories(serviceLogFile.toAbsolutePath().getParent());
            PrintStream serviceLog =
                    new PrintStream(new FileOutputStream(serviceLogFile.toFile()), true, StandardCharsets.UTF_8);
            // EmbeddedStack forwards each service's output to System.out as it was when the service started.
            PrintStream console = System.out;
            System.setOut(serviceLog);
            EmbeddedStack stack;
            try {
                stack = EmbeddedStack.start(config);
            } finally {
                System.setOut(console);
            }
            Testbed bed = new Testbed(
                    mode,
                    dataDir,
                    stack,
                    serviceLog,
                    serviceLogFile.toAbsolutePath().getParent());
            // Ctrl-C must not leave PostgreSQL and the services running without us.
            Runtime.getRuntime().addShutdownHook(new Thread(bed::close, "stop-benchmark-stack"));
            return bed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Mode mode() {
        return mode;
    }

    public EmbeddedStack stack() {
        return stack;
    }

    public String token() {
        return token;
    }

    public Path jwtPublicKey() {
        return dataDir.resolve("keys").resolve("jwt-public.pem");
    }

    /** The folder the report and the service log are written to. */
    public Path output() {
        return output;
    }

    public PrintStream serviceLog() {
        return serviceLog;
    }

    public String kafka() {
        return stack.kafkaBootstrapServers();
    }

    public String topic() {
        return stack.topic();
    }

    /** A plain connection; batched inserts are rewritten into multi-row ones, as a bulk loader would. */
    public Connection connect(String schema) throws SQLException {
        return DriverManager.getConnection(
                stack.jdbcUrl(schema) + "&reWriteBatchedInserts=true",
                stack.databaseUsername(),
                stack.databasePassword());
    }

    public String jdbcUrl(String schema) {
        return stack.jdbcUrl(schema);
    }

    public HttpClient http() {
        return http;
    }

    public HttpRequest.Builder command(String path) {
        return command(stack.commandUrl(), path);
    }

    /** A request to a command service at {@code base}: the stack's, or another started beside it. */
    public HttpRequest.Builder command(URI base, String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    public HttpRequest.Builder query(String path) {
        return HttpRequest.newBuilder(stack.queryUrl().resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode postJson(String path, String json) {
        return postJson(stack.commandUrl(), path, json);
    }

    public JsonNode postJson(URI base, String path, String json) {
        HttpResponse<String> response = send(command(base, path)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(
                    "POST " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return parse(response.body());
    }

    public static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public UUID openJournal() {
        return openJournal(stack.commandUrl());
    }

    public UUID openJournal(URI base) {
        return UUID.fromString(postJson(
                        base,
                        "/journals",
                        "{\"partnerName\":\"Sam\",\"intention\":\"Find our way back\",\"timezone\":\"Europe/Berlin\"}")
                .get("journalId")
                .asText());
    }

    /** The process of a service started by the stack, found among this JVM's children by its jar. */
    public Optional<ProcessHandle> service(String jarName) {
        return ProcessHandle.current()
                .children()
                .filter(p -> p.info()
                        .commandLine()
                        .map(line -> line.contains(jarName))
                        .orElse(false))
                .findFirst();
    }

    public URI commandUrl() {
        return stack.commandUrl();
    }

    public URI queryUrl() {
        return stack.queryUrl();
    }

    private String issueToken() {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(stack.identityUrl().resolve("/demo/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + USER + "\"}"))
                        .build());
        return parse(response.body()).get("token").asText();
    }

    /** Stops the stack (its messages go to the service log) and deletes its data folder; safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stack.close();
        } finally {
            serviceLog.close();
            deleteQuietly(dataDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
