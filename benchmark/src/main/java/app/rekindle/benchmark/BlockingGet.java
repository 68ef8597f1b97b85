package app.rekindle.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A GET over the JDK's blocking HTTP/1.1 client (keep-alive connections, no selector thread), for the latency
 * measurements. {@code java.net.http.HttpClient} hands every exchange to its selector thread and back; on two
 * cores that added about 0.5 ms at the median and 3-4 ms at p99 to reads the service answered in 1.5 ms, which
 * is the client's cost, not the service's. The raw baselines pay no such hop either: JDBC reads its socket on the
 * calling thread.
 */
public final class BlockingGet {

    public record Answer(int status, String body) {}

    private BlockingGet() {}

    public static Answer get(URI uri, String bearerToken) {
        try {
            HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
            connection.setConnectTimeout(5_000);
            connection.setReadTimeout(30_000);
            connection.setRequestProperty("Authorization", "Bearer " + bearerToken);
            int status = connection.getResponseCode();
            // Reading the body to its end (error bodies too) hands the connection back for keep-alive.
            try (InputStream body = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
                return new Answer(status, body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
