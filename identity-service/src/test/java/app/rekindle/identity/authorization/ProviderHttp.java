package app.rekindle.identity.authorization;

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
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One person's browser (cookies kept, redirects not followed) or one script, talking HTTP to a running provider.
 */
public final class ProviderHttp {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public ProviderHttp(String base) {
        this.base = base;
    }

    /** Signs in through the sign-in form, as a browser does; answers where the provider sends the browser next. */
    public String signIn(String username, String password) throws IOException, InterruptedException {
        String page = get("/login").body();
        HttpResponse<String> signedIn =
                post("/login", Map.of("username", username, "password", password, "_csrf", csrfOf(page)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        String next = signedIn.headers().firstValue("Location").orElseThrow();
        assertThat(next).doesNotContain("error");
        return next;
    }

    /** Follows a redirect's Location, which may be absolute or a path. */
    public HttpResponse<String> follow(HttpResponse<String> redirect) throws IOException, InterruptedException {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        return send(HttpRequest.newBuilder(
                        at(redirect.headers().firstValue("Location").orElseThrow()))
                .build());
    }

    /** Posts the named form of a page, with the values it carries (hidden fields, CSRF token). */
    public HttpResponse<String> submit(String page, String formId) throws IOException, InterruptedException {
        Matcher form = Pattern.compile(
                        "<form[^>]*id=\"" + formId + "\"[^>]*action=\"([^\"]+)\"[^>]*>(.*?)</form>", Pattern.DOTALL)
                .matcher(page);
        assertThat(form.find()).as("form #" + formId + " on the page").isTrue();
        Matcher input = Pattern.compile("<input[^>]*name=\"([^\"]+)\"[^>]*value=\"([^\"]*)\"")
                .matcher(form.group(2));
        StringBuilder fields = new StringBuilder();
        while (input.find()) {
            fields.append(fields.isEmpty() ? "" : "&")
                    .append(input.group(1))
                    .append('=')
                    .append(URLEncoder.encode(input.group(2), StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(at(form.group(1)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(fields.toString()))
                .build());
    }

    private URI at(String location) {
        return location.startsWith("http") ? URI.create(location) : URI.create(base + location);
    }

    /** The dashboard's sign-in after {@link #signIn}: authorization code with PKCE, then the code exchange. */
    public JsonNode dashboardTokens(String redirectUri) throws IOException, InterruptedException {
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
        HttpResponse<String> authorized = get("/oauth2/authorize?"
                + form(Map.of(
                        "response_type", "code",
                        "client_id", "rekindle-dashboard",
                        "redirect_uri", redirectUri,
                        "scope", "openid profile journals",
                        "state", "s1",
                        "code_challenge", challengeOf(verifier),
                        "code_challenge_method", "S256")));
        assertThat(authorized.statusCode()).isEqualTo(302);
        String location = authorized.headers().firstValue("Location").orElseThrow();
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        assertThat(code.find()).as(location).isTrue();
        HttpResponse<String> tokens = post(
                "/oauth2/token",
                Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code.group(1),
                        "redirect_uri",
                        redirectUri,
                        "client_id",
                        "rekindle-dashboard",
                        "code_verifier",
                        verifier));
        assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
        return JSON.readTree(tokens.body());
    }

    public HttpResponse<String> refresh(String clientId, String refreshToken) throws IOException, InterruptedException {
        return post(
                "/oauth2/token",
                Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id", clientId));
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path)).build());
    }

    public HttpResponse<String> post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build());
    }

    public HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    public URI uri(String path) {
        return URI.create(base + path);
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    public static String csrfOf(String page) {
        Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("a CSRF token on the page").isTrue();
        return token.group(1);
    }

    private static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
