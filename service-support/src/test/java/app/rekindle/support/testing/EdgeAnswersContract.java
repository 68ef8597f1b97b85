package app.rekindle.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What every answer of a service carries, including the ones Tomcat or Spring's request firewall give before
 * any application code runs: a 4xx (never 5xx), problem+json, and the security headers. And the actuator
 * beyond health, info and the Prometheus scrape is for operators only. Each service runs it against itself.
 */
public interface EdgeAnswersContract {

    int port();

    /** A person's valid token, not an operator's. */
    String personToken();

    /** A token whose subject is in {@code rekindle.admin.subjects}. */
    String operatorToken();

    /** The raw bodies of the person's journal reads (or command-side state) that must not change. */
    List<String> journalState();

    /** Requests refused before any controller runs: by Tomcat's parser, its path checks, or the firewall. */
    default List<String> refusedAtTheEdge() {
        String host = "Host: localhost\r\nConnection: close\r\n";
        String bearer = "Authorization: Bearer " + personToken() + "\r\n";
        List<String> requests = new ArrayList<>();
        for (String path : new String[] {
            "/%2e%2e/%2e%2e/etc/passwd",
            "/journals/%2e%2e/%2e%2e/etc/passwd",
            "/journals/..%2F..%2Fetc%2Fpasswd",
            "/journals/%2F",
            "/journals;jsessionid=1/x",
            "/journals//x",
            "/journals/%00",
            "/journals/%25",
            "/journals/a%5Cb",
            "/..;/actuator/metrics",
            "/%2e/actuator/metrics",
            "/journals/\u00e9"
        }) {
            requests.add("GET " + path + " HTTP/1.1\r\n" + host + bearer + "\r\n");
        }
        requests.add("GET /journals HTTP/1.1\r\n" + host + bearer + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        requests.add("GET /journals?" + "a=b&".repeat(5_000) + " HTTP/1.1\r\n" + host + "\r\n");
        requests.add("GET /journals HTTP/1.1\r\n" + host + "Bad Header Name: x\r\n\r\n");
        requests.add("GET /journals HTTP/1.1\r\n" + host + "X-Ctl: a\u0001b\r\n\r\n");
        requests.add("GARBAGE\r\n\r\n");
        requests.add("GET\r\n\r\n");
        requests.add("GET /journals HTTP/1.1 extra\r\n" + host + "\r\n");
        requests.add("G\u0001T /journals HTTP/1.1\r\n" + host + "\r\n");
        requests.add("GET /journals\u0007 HTTP/1.1\r\n" + host + "\r\n");
        requests.add("GET /journals HTTP/1.1\r\nConnection: close\r\n\r\n");
        requests.add("GET /journals HTTP/1.1\r\n" + host + "Host: evil.example\r\n\r\n");
        requests.add(
                "POST /journals HTTP/1.1\r\n" + host + bearer + "Content-Length: 5\r\nContent-Length: 9\r\n\r\n{}");
        requests.add("GET /journals HTTP/9.9\r\n" + host + "\r\n");
        requests.add("GET /journals HTTP/2.0\r\n" + host + "\r\n");
        requests.add("GET /journals XTTP/1.1\r\n" + host + "\r\n");
        requests.add("GET /" + "a".repeat(70_000) + " HTTP/1.1\r\n" + host + "\r\n");
        requests.add("TRACE /journals HTTP/1.1\r\n" + host + bearer + "\r\n");
        requests.add("BREW /journals HTTP/1.1\r\n" + host + bearer + "\r\n");
        requests.add("GET http://evil.example/journals HTTP/1.1\r\n" + host + bearer + "\r\n");
        requests.add("POST /journals HTTP/1.1\r\n" + host + bearer + "Content-Length: -1\r\n\r\n");
        requests.add("POST /journals HTTP/1.1\r\n" + host + bearer + "Content-Length: abc\r\n\r\n");
        requests.add("POST /journals HTTP/1.1\r\n" + host + bearer + "Transfer-Encoding: gzip\r\n\r\n{}");
        requests.add("POST /journals HTTP/1.1\r\n" + host + bearer + "Transfer-Encoding: chunked\r\n"
                + "Content-Length: 2\r\nContent-Type: application/json\r\n\r\n{}");
        requests.add("POST /journals HTTP/1.1\r\n" + host + bearer + "Transfer-Encoding: chunked\r\n"
                + "Content-Type: application/json\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        return requests;
    }

    @Test
    default void requests_refused_before_the_application_answer_4xx_problem_json_with_every_security_header() {
        List<String> before = journalState();
        Map<String, String> failures = new LinkedHashMap<>();

        for (String request : refusedAtTheEdge()) {
            RawSocket.Answer answer = RawSocket.send(port(), request);
            String verdict = verdict(answer);
            if (verdict != null) {
                failures.put(shown(request), answer.status() + " " + answer.headers() + " " + verdict);
            }
        }

        assertThat(failures)
                .as("answers missing a 4xx, problem+json or a security header")
                .isEmpty();
        assertThat(journalState()).isEqualTo(before);
    }

    /** Tomcat answers {@code OPTIONS *} itself (200, the methods it knows): with the headers too. */
    @Test
    default void the_server_wide_options_answer_carries_every_security_header() {
        RawSocket.Answer answer =
                RawSocket.send(port(), "OPTIONS * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEmpty();
        assertThat(SecurityHeaderCheck.missing(answer::header)).isNull();
    }

    @Test
    default void the_actuator_beyond_health_info_and_the_scrape_is_for_operators_only() {
        for (String path : new String[] {"/actuator/metrics", "/actuator/metrics/jvm.memory.used", "/actuator"}) {
            assertThat(get(path, null).status()).as("%s without a token", path).isEqualTo(401);
            RawSocket.Answer person = get(path, personToken());
            assertThat(person.status()).as("%s with a person's token", path).isEqualTo(403);
            assertThat(person.header("Content-Type")).startsWith("application/problem+json");
            assertThat(person.body()).contains("\"status\":403");
            assertThat(get(path, operatorToken()).status())
                    .as("%s with an operator's token", path)
                    .isEqualTo(200);
        }
        for (String path : new String[] {"/actuator/health", "/actuator/info", "/actuator/prometheus"}) {
            assertThat(get(path, null).status()).as("%s is public", path).isEqualTo(200);
        }
    }

    private RawSocket.Answer get(String path, String token) {
        return RawSocket.send(
                port(),
                "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                        + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n");
    }

    private static String verdict(RawSocket.Answer answer) {
        if (answer.status() < 400 || answer.status() > 499) {
            return "expected a 4xx";
        }
        String missing = SecurityHeaderCheck.missing(answer::header);
        if (missing != null) {
            return missing;
        }
        String type = answer.header("Content-Type");
        if (type == null
                || !type.startsWith("application/problem+json")
                || !answer.body().contains("\"status\":" + answer.status())) {
            return "expected a problem+json body";
        }
        return null;
    }

    private static String shown(String request) {
        String flat = request.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 100 ? flat.substring(0, 100) + "…" : flat;
    }
}
