package app.rekindle.support.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser's session with the provider over plain HTTP: its cookies, redirects not followed (the tests look at
 * them), forms posted with the CSRF token of the page they are on, and the dashboard's code + PKCE exchange.
 */
public final class WebSession {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public WebSession(String base) {
        this.base = base;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Opens {@code page}, then posts {@code fields} to {@code action} with the page's CSRF token. */
    public HttpResponse<String> submit(String page, String action, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfTokenOf(page));
        return send(HttpRequest.newBuilder(uri(action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(withToken))));
    }

    public String csrfTokenOf(String page) {
        HttpResponse<String> opened = get(page);
        assertThat(opened.statusCode()).as(page).isEqualTo(200);
        Matcher token = CSRF.matcher(opened.body());
        assertThat(token.find()).as("a CSRF token on " + page).isTrue();
        return token.group(1);
    }

    public HttpResponse<String> signUp(String username, String password) {
        return submit(
                "/signup", "/signup", Map.of("username", username, "password", password, "passwordAgain", password));
    }

    public HttpResponse<String> signIn(String username, String password) {
        return submit("/login", "/login", Map.of("username", username, "password", password));
    }

    public HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request);
    }

    /** The dashboard's way to tokens for the signed-in person: authorize with PKCE, then the code exchange. */
    public JsonNode dashboardTokens(String dashboard) {
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
        HttpResponse<String> authorized = get(authorizePath(dashboard, challengeOf(verifier)));
        assertThat(authorized.statusCode()).isEqualTo(302);
        String location = location(authorized);
        assertThat(location).startsWith(dashboard);
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();
        HttpResponse<String> tokens = tokenRequest(Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code.group(1),
                "redirect_uri",
                dashboard,
                "client_id",
                "rekindle-dashboard",
                "code_verifier",
                verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body());
    }

    public static String authorizePath(String dashboard, String challenge) {
        return "/oauth2/authorize?"
                + form(Map.of(
                        "response_type", "code",
                        "client_id", "rekindle-dashboard",
                        "redirect_uri", dashboard,
                        "scope", "openid profile journals",
                        "state", "s1",
                        "code_challenge", challenge,
                        "code_challenge_method", "S256"));
    }

    public HttpResponse<String> refresh(String refreshToken) {
        return tokenRequest(Map.of(
                "grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", "rekindle-dashboard"));
    }

    public static String location(HttpResponse<?> response) {
        return response.headers().firstValue("Location").orElse("");
    }

    public static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private HttpResponse<String> tokenRequest(Map<String, String> fields) {
        return send(HttpRequest.newBuilder(uri("/oauth2/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    private URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : base + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
