package app.rekindle.identity.limits;

import app.rekindle.identity.authorization.ProviderHttp;
import app.rekindle.identity.authorization.ProviderTest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.junit.jupiter.InjectSoftAssertions;
import org.assertj.core.api.junit.jupiter.SoftAssertionsExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Careless and hostile calls to the OAuth and OpenID Connect endpoints and to the passkey endpoints, over real
 * HTTP against the real service and PostgreSQL: each gets a 4xx (or the answer the protocol prescribes, named in
 * the case), never a 5xx, and nothing stored changes.
 */
@ExtendWith(SoftAssertionsExtension.class)
class HostileOAuthRequestsTest extends ProviderTest {

    @InjectSoftAssertions
    SoftAssertions softly;

    private static final String PASSWORD = "a long enough pass phrase";
    private static final String MEGABYTE = "x".repeat(1 << 20);
    private static final String TEN_MEGABYTES = "x".repeat(10 << 20);
    private static final String CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    /** A call and what it must get: a status range, and where a redirect must not go. */
    record Hostile(String name, HttpRequest request) {}

    @Test
    void the_authorization_endpoint_refuses_hostile_requests_without_sending_the_browser_anywhere_else()
            throws Exception {
        String good = "response_type=code&client_id=rekindle-dashboard&redirect_uri=" + DASHBOARD
                + "&scope=openid&state=s1&code_challenge=" + CHALLENGE + "&code_challenge_method=S256";
        ProviderHttp browser = signedIn();
        for (Hostile call : List.of(
                get("a query of 100 kB", "/oauth2/authorize?" + good + "&state=" + "s".repeat(100_000)),
                get("client_id twice", "/oauth2/authorize?" + good + "&client_id=rekindle-dashboard"),
                get("state twice", "/oauth2/authorize?" + good + "&state=s2"),
                get("an unknown client", "/oauth2/authorize?" + good.replace("rekindle-dashboard", "nobody")),
                get(
                        "a redirect_uri the client does not have",
                        "/oauth2/authorize?" + good.replace(DASHBOARD, "https://evil.example/")),
                get("a code_challenge_method of plain", "/oauth2/authorize?" + good.replace("S256", "plain")),
                get("a code_challenge_method nobody knows", "/oauth2/authorize?" + good.replace("S256", "S512")),
                get("no code_challenge", "/oauth2/authorize?" + good.replace("code_challenge=", "x=")),
                get("a NUL in client_id", "/oauth2/authorize?" + good.replace("rekindle-dashboard", "rekindle%00")),
                get("invalid UTF-8 in state", "/oauth2/authorize?" + good + "&nonce=%C3%28%ED%A0%80"))) {
            HttpResponse<String> answer = refusedWithNothingChanged(browser, call, List.of(302));
            if (answer != null && answer.statusCode() == 302) {
                // The protocol's answer to a known client with a registered redirect_uri: back there with an error.
                softly.assertThat(answer.headers().firstValue("Location").orElseThrow())
                        .as(call.name())
                        .startsWith(DASHBOARD)
                        .contains("error=");
            }
        }
    }

    @Test
    void the_token_endpoint_refuses_hostile_requests_with_an_oauth_error() throws Exception {
        ProviderHttp client = new ProviderHttp(ISSUER);
        String code = "grant_type=authorization_code&client_id=rekindle-dashboard&redirect_uri=" + DASHBOARD
                + "&code_verifier=" + "v".repeat(43);
        for (Hostile call : List.of(
                post("a grant type nobody has", "/oauth2/token", "grant_type=password&client_id=rekindle-dashboard"),
                post("no grant type", "/oauth2/token", "client_id=rekindle-dashboard"),
                post("grant_type twice", "/oauth2/token", code + "&code=abc&grant_type=refresh_token"),
                post("code twice", "/oauth2/token", code + "&code=abc&code=def"),
                post("a code of 1 MB", "/oauth2/token", code + "&code=" + MEGABYTE),
                post("a body of 10 MB", "/oauth2/token", code + "&code=" + TEN_MEGABYTES),
                post("a NUL in the code", "/oauth2/token", code + "&code=abc%00def"),
                post("invalid UTF-8 in the code", "/oauth2/token", code + "&code=%C3%28%ED%A0%80"),
                post(
                        "a NUL in client_id",
                        "/oauth2/token",
                        code.replace("rekindle-dashboard", "rekindle%00") + "&code=a"),
                post(
                        "a refresh token with a NUL",
                        "/oauth2/token",
                        "grant_type=refresh_token&client_id=rekindle-dashboard&refresh_token=abc%00"),
                post(
                        "a refresh token of 1 MB",
                        "/oauth2/token",
                        "grant_type=refresh_token&client_id=rekindle-dashboard&refresh_token=" + MEGABYTE),
                post(
                        "a device code with a NUL",
                        "/oauth2/token",
                        "grant_type=urn:ietf:params:oauth:grant-type:device_code&client_id=rekindle-cli&device_code=a%00"),
                withHeader(
                        post("basic auth that is not base64", "/oauth2/token", "grant_type=client_credentials"),
                        "Authorization",
                        "Basic !!!not*base64!!!"),
                withHeader(
                        post("basic auth without a colon", "/oauth2/token", "grant_type=client_credentials"),
                        "Authorization",
                        "Basic " + base64("no-colon-here")),
                withHeader(
                        post("basic auth of 6 kB", "/oauth2/token", "grant_type=client_credentials"),
                        "Authorization",
                        "Basic " + base64("x".repeat(4000) + ":" + "y".repeat(500))),
                withHeader(
                        post("basic auth of 100 kB", "/oauth2/token", "grant_type=client_credentials"),
                        "Authorization",
                        "Basic " + base64("x".repeat(75_000) + ":y")),
                withHeader(
                        post(
                                "basic auth of a client that is not there",
                                "/oauth2/token",
                                "grant_type=client_credentials"),
                        "Authorization",
                        "Basic " + base64("nobody%00:secret")))) {
            refusedWithNothingChanged(client, call);
        }
    }

    @Test
    void an_authorization_code_works_once_and_its_second_use_changes_nothing() throws Exception {
        String name = uniqueName("reuser");
        createAccount(name, PASSWORD);
        ProviderHttp browser = new ProviderHttp(ISSUER);
        browser.signIn(name, PASSWORD);
        String verifier = "the-verifier-the-dashboard-kept-0123456789";
        HttpResponse<String> authorized =
                browser.get("/oauth2/authorize?response_type=code&client_id=rekindle-dashboard"
                        + "&redirect_uri=" + DASHBOARD
                        + "&scope=openid&state=s1&code_challenge_method=S256&code_challenge="
                        + challengeOf(verifier));
        Matcher code = Pattern.compile("[?&]code=([^&]+)")
                .matcher(authorized.headers().firstValue("Location").orElseThrow());
        softly.assertThat(code.find()).isTrue();
        Map<String, String> exchange = Map.of(
                "grant_type",
                "authorization_code",
                "code",
                code.group(1),
                "redirect_uri",
                DASHBOARD,
                "client_id",
                "rekindle-dashboard",
                "code_verifier",
                verifier);
        softly.assertThat(browser.post("/oauth2/token", exchange).statusCode()).isEqualTo(200);

        HttpResponse<String> again = refusedWithNothingChanged(
                browser, post("the same code again", "/oauth2/token", ProviderHttp.form(exchange)));
        softly.assertThat(again.statusCode()).isEqualTo(400);
        softly.assertThat(ProviderHttp.JSON.readTree(again.body()).path("error").asString())
                .isEqualTo("invalid_grant");
    }

    @Test
    void device_codes_revocation_introspection_and_user_info_refuse_garbage() throws Exception {
        ProviderHttp client = new ProviderHttp(ISSUER);
        for (Hostile call : List.of(
                post("a device code for a client nobody has", "/oauth2/device_authorization", "client_id=nobody"),
                post(
                        "a device code for a client with a NUL",
                        "/oauth2/device_authorization",
                        "client_id=rekindle-cli%00"),
                post(
                        "a device code for 1 kB of scopes",
                        "/oauth2/device_authorization",
                        "client_id=rekindle-cli&scope=" + "journals+".repeat(100) + "admin"),
                post(
                        "a device code for 5000 scope parameters",
                        "/oauth2/device_authorization",
                        "client_id=rekindle-cli" + "&scope=journals".repeat(5000)),
                post(
                        "a device code with a body of 10 MB",
                        "/oauth2/device_authorization",
                        "client_id=rekindle-cli&scope=" + TEN_MEGABYTES),
                post("revoking a token with a NUL", "/oauth2/revoke", "client_id=rekindle-dashboard&token=a%00b"),
                post("revoking a token of 1 MB", "/oauth2/revoke", "client_id=rekindle-dashboard&token=" + MEGABYTE),
                post("revoking for a client nobody has", "/oauth2/revoke", "client_id=nobody&token=abc"),
                post("introspecting garbage", "/oauth2/introspect", "client_id=rekindle-dashboard&token=a%00b"),
                post("introspecting without a client", "/oauth2/introspect", "token=abc"),
                withHeader(get("user info with a garbage token", "/userinfo"), "Authorization", "Bearer not.a.jwt"),
                withHeader(
                        get("user info with a token of 6 kB", "/userinfo"),
                        "Authorization",
                        "Bearer " + "e".repeat(6000)),
                withHeader(
                        get("user info with a foreign token", "/userinfo"), "Authorization", "Bearer " + foreignJwt()),
                withHeader(get("user info with basic auth", "/userinfo"), "Authorization", "Basic " + base64("a:b")))) {
            HttpResponse<String> answer = refusedWithNothingChanged(
                    client,
                    call,
                    call.name().startsWith("revoking a")
                            // RFC 7009: a token the server does not know is answered like a revoked one, with 200.
                            ? List.of(200, 400)
                            : List.of());
            softly.assertThat(answer == null ? 0 : answer.statusCode())
                    .as(call.name())
                    .isLessThan(500);
        }
    }

    @Test
    void a_hostile_answer_to_the_consent_page_authorizes_nothing_and_a_plain_one_still_does() throws Exception {
        String name = uniqueName("consenter");
        createAccount(name, PASSWORD);
        ProviderHttp browser = signedIn(name);
        ProviderHttp commandLine = new ProviderHttp(ISSUER);
        tools.jackson.databind.JsonNode device = ProviderHttp.JSON.readTree(commandLine
                .post("/oauth2/device_authorization", Map.of("client_id", "rekindle-cli", "scope", "journals"))
                .body());
        URI complete = URI.create(device.path("verification_uri_complete").asString());
        String consentPage = browser.follow(browser.get(complete.getRawPath() + "?" + complete.getRawQuery()))
                .body();
        Matcher state = Pattern.compile("name=\"state\" value=\"([^\"]+)\"").matcher(consentPage);
        softly.assertThat(state.find()).as("the consent page's state").isTrue();
        String csrf = ProviderHttp.csrfOf(consentPage);
        String answer = "_csrf=" + csrf + "&client_id=rekindle-cli&state=" + state.group(1) + "&user_code="
                + device.path("user_code").asString();
        for (Hostile call : List.of(
                post("90 scopes nobody has", "/oauth2/device_verification", answer + "&scope=admin".repeat(90)),
                post("a scope of 60 kB", "/oauth2/device_verification", answer + "&scope=" + "s".repeat(60_000)),
                post("5000 scopes", "/oauth2/device_verification", answer + "&scope=journals".repeat(5000)),
                post("a scope with a NUL", "/oauth2/device_verification", answer + "&scope=journals%00"),
                post("a state of 1 MB", "/oauth2/device_verification", answer + "&scope=journals&state=" + MEGABYTE),
                post(
                        "another client's answer",
                        "/oauth2/device_verification",
                        answer.replace("rekindle-cli", "rekindle-dashboard") + "&scope=journals"),
                post(
                        "client_id twice",
                        "/oauth2/device_verification",
                        answer + "&client_id=rekindle-cli&scope=journals"))) {
            HttpResponse<String> refused = refusedWithNothingChanged(browser, call, List.of(302));
            if (refused != null && refused.statusCode() == 302) {
                softly.assertThat(refused.headers().firstValue("Location").orElse(""))
                        .as(call.name())
                        .endsWith("/oauth2/device_verification?error");
            }
        }
        HttpResponse<String> allowed = browser.send(
                post("the consent as the page sends it", "/oauth2/device_verification", answer + "&scope=journals")
                        .request());
        softly.assertThat(allowed.headers().firstValue("Location").orElse(""))
                .endsWith("/oauth2/device_verification?success");
    }

    @Test
    void sign_out_with_a_foreign_id_token_hint_or_a_strange_return_address_sends_the_browser_nowhere_else()
            throws Exception {
        String name = uniqueName("leaver");
        createAccount(name, PASSWORD);
        ProviderHttp browser = new ProviderHttp(ISSUER);
        browser.signIn(name, PASSWORD);
        String ownIdToken = browser.dashboardTokens(DASHBOARD).path("id_token").asString();
        for (Hostile call : List.of(
                get("a foreign id_token_hint", "/connect/logout?id_token_hint=" + foreignJwt()),
                get("a garbage id_token_hint", "/connect/logout?id_token_hint=not.a.jwt%00"),
                get(
                        "a foreign id_token_hint and a return address elsewhere",
                        "/connect/logout?id_token_hint=" + foreignJwt()
                                + "&post_logout_redirect_uri=https://evil.example/"),
                get(
                        "our own id_token_hint and a return address elsewhere",
                        "/connect/logout?id_token_hint=" + ownIdToken
                                + "&post_logout_redirect_uri=https://evil.example/"),
                get(
                        "our own id_token_hint and a return address beside the dashboard's",
                        "/connect/logout?id_token_hint=" + ownIdToken + "&post_logout_redirect_uri=" + DASHBOARD
                                + "..%2F..%2Fevil"))) {
            // A sign-out the provider cannot tie to a client of its own ends here, or on its own pages.
            HttpResponse<String> answer = refusedWithNothingChanged(browser, call, List.of(302));
            softly.assertThat(
                            answer == null
                                    ? ""
                                    : answer.headers().firstValue("Location").orElse(""))
                    .as(call.name())
                    .doesNotContain("evil");
        }
    }

    @Test
    void the_discovery_and_key_endpoints_refuse_methods_they_do_not_have() throws Exception {
        ProviderHttp client = new ProviderHttp(ISSUER);
        for (String path : List.of(
                "/.well-known/openid-configuration", "/.well-known/oauth-authorization-server", "/oauth2/jwks")) {
            for (String method : List.of("PUT", "DELETE", "PATCH", "POST")) {
                refusedWithNothingChanged(
                        client,
                        new Hostile(
                                method + " " + path,
                                HttpRequest.newBuilder(URI.create(ISSUER + path))
                                        .header("Content-Type", "application/json")
                                        .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                                        .build()));
            }
        }
    }

    @Test
    void the_passkey_endpoints_refuse_malformed_huge_and_wrongly_typed_json() throws Exception {
        String name = uniqueName("passkeyer");
        createAccount(name, PASSWORD);
        ProviderHttp person = signedIn(name);
        Map<String, String> csrf = csrfHeaderOf(person.get("/passkeys").body());
        softly.assertThat(person.send(json(csrf, "/webauthn/register/options", ""))
                        .statusCode())
                .isEqualTo(200);
        ProviderHttp stranger = new ProviderHttp(ISSUER);
        Map<String, String> strangersCsrf = csrfHeaderOf(stranger.get("/login").body());
        softly.assertThat(stranger.send(json(strangersCsrf, "/webauthn/authenticate/options", ""))
                        .statusCode())
                .isEqualTo(200);
        List<String> bodies = List.of(
                "{",
                "not json at all",
                "[]",
                "null",
                "{\"publicKey\":17}",
                "{\"publicKey\":{\"credential\":\"a string\",\"label\":\"key\"}}",
                "{\"publicKey\":{\"credential\":{\"id\":17,\"rawId\":[],\"type\":\"public-key\",\"response\":{}},"
                        + "\"label\":\"key\"}}",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"authenticatorData\":"
                        + "\"AAAA\",\"clientDataJSON\":\"AAAA\",\"signature\":\"AAAA\",\"userHandle\":\"AAAA\"},"
                        + "\"clientExtensionResults\":{},\"authenticatorAttachment\":\"platform\"}",
                "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"authenticatorData\":"
                        + "-1,\"clientDataJSON\":99999999999999999999999,\"signature\":1e400},\"x\":true}",
                "{\"publicKey\":{\"label\":\"" + "x".repeat(1 << 20) + "\"}}",
                "{\"a\":\"" + TEN_MEGABYTES + "\"}",
                "[".repeat(100_000));
        for (String body : bodies) {
            String shown = body.length() > 60 ? body.substring(0, 60) + "… (" + body.length() + " chars)" : body;
            refusedWithNothingChanged(person, new Hostile("register " + shown, json(csrf, "/webauthn/register", body)));
            refusedWithNothingChanged(
                    stranger, new Hostile("sign in " + shown, json(strangersCsrf, "/login/webauthn", body)));
        }
    }

    @Test
    void demo_tokens_refuse_names_that_are_too_long_wrongly_typed_or_huge() throws Exception {
        ProviderHttp client = new ProviderHttp(ISSUER);
        for (String body : List.of(
                "{\"username\":\"" + "a".repeat(65) + "\"}",
                "{\"username\":\"" + MEGABYTE + "\"}",
                "{\"username\":\"" + TEN_MEGABYTES + "\"}",
                "{\"username\":\"a\\u0000b\"}",
                "{\"username\":\"\"}",
                "{\"username\":[\"alice\"]}",
                "{\"username\":{\"a\":1}}",
                "{\"username\":null}",
                "{\"username\":\"alice\"",
                "[".repeat(100_000))) {
            String shown = body.length() > 60 ? body.substring(0, 60) + "… (" + body.length() + " chars)" : body;
            HttpResponse<String> answer =
                    refusedWithNothingChanged(client, new Hostile(shown, json(Map.of(), "/demo/tokens", body)));
            softly.assertThat(
                            answer == null
                                    ? ""
                                    : answer.headers()
                                            .firstValue("Content-Type")
                                            .orElse(""))
                    .as(shown)
                    .startsWith("application/problem+json");
        }
    }

    private HttpResponse<String> refusedWithNothingChanged(ProviderHttp client, Hostile call) throws Exception {
        return refusedWithNothingChanged(client, call, List.of());
    }

    /** Sends the call: a 4xx (or one of {@code alsoFine}), never a 5xx, and nothing stored changes. */
    private HttpResponse<String> refusedWithNothingChanged(ProviderHttp client, Hostile call, List<Integer> alsoFine)
            throws Exception {
        Map<String, Long> before = StoredRows.of(jdbc);
        HttpResponse<String> answer;
        try {
            answer = client.send(call.request());
        } catch (java.io.IOException e) {
            softly.fail(call.name() + ": no answer, the connection ended: " + e);
            return null;
        }
        String shown = call.name() + ": " + answer.statusCode() + " "
                + answer.body().substring(0, Math.min(300, answer.body().length()));
        if (!alsoFine.contains(answer.statusCode())) {
            softly.assertThat(answer.statusCode()).as(shown).isBetween(400, 499);
        }
        softly.assertThat(StoredRows.of(jdbc)).as(call.name()).isEqualTo(before);
        return answer;
    }

    private ProviderHttp signedIn() throws Exception {
        String name = uniqueName("hostile");
        createAccount(name, PASSWORD);
        return signedIn(name);
    }

    private ProviderHttp signedIn(String name) throws Exception {
        ProviderHttp browser = new ProviderHttp(ISSUER);
        browser.signIn(name, PASSWORD);
        return browser;
    }

    private static Hostile get(String name, String pathAndQuery) {
        return new Hostile(
                name, HttpRequest.newBuilder(URI.create(ISSUER + pathAndQuery)).build());
    }

    private static Hostile post(String name, String path, String body) {
        return new Hostile(
                name,
                HttpRequest.newBuilder(URI.create(ISSUER + path))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build());
    }

    private static Hostile withHeader(Hostile call, String header, String value) {
        return new Hostile(
                call.name(),
                HttpRequest.newBuilder(call.request(), (name, v) -> true)
                        .setHeader(header, value)
                        .build());
    }

    private static HttpRequest json(Map<String, String> headers, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(ISSUER + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::setHeader);
        return request.build();
    }

    private static Map<String, String> csrfHeaderOf(String page) {
        Matcher header = Pattern.compile("data-csrf-header=\"([^\"]+)\"").matcher(page);
        Matcher token = Pattern.compile("data-csrf-token=\"([^\"]+)\"").matcher(page);
        if (!header.find() || !token.find()) {
            throw new AssertionError("no CSRF token for scripts on the page");
        }
        return Map.of(header.group(1), token.group(1));
    }

    /** An ID token as this provider would write it, signed by someone else's key. */
    private static String foreignJwt() throws Exception {
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder()
                        .issuer(ISSUER)
                        .subject("someone")
                        .audience("rekindle-dashboard")
                        .expirationTime(new Date(System.currentTimeMillis() + 600_000))
                        .build());
        jwt.sign(new RSASSASigner(new RSAKeyGenerator(2048).generate()));
        return jwt.serialize();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String challengeOf(String verifier) throws Exception {
        byte[] digest =
                java.security.MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
