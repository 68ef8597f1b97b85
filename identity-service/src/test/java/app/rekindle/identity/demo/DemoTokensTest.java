package app.rekindle.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.rekindle.embedded.SharedTestInfrastructure;
import app.rekindle.identity.authorization.ProviderHttp;
import app.rekindle.identity.authorization.ProviderTest;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.servlet.Filter;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Demo tokens, where demo mode is on, for clients on this machine only. A request from another machine cannot be
 * made over a real socket here (this machine's other addresses are not test targets), so it is made with MockMvc
 * through the provider's real context and security chains, its remote address a documentation address (RFC 5737).
 * Whoever is refused gets exactly what the provider answers for a path that does not exist.
 */
class DemoTokensTest extends ProviderTest {

    private static final String ELSEWHERE = "192.0.2.7";
    private static final String BODY = "{\"username\":\"alice\"}";

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class))
                .build();
    }

    @Test
    void a_client_on_this_machine_gets_a_token_for_the_name_over_ipv4_and_ipv6_loopback() throws Exception {
        for (String loopback : new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1"}) {
            MockHttpServletResponse answer = send(issue("/demo/tokens", loopback));
            assertThat(answer.getStatus()).as(loopback).isEqualTo(200);
            assertThat(answer.getCookies()).as("no session").isEmpty();
        }
        HttpResponse<String> overSocket = new ProviderHttp(ISSUER)
                .send(HttpRequest.newBuilder(URI.create(ISSUER + "/demo/tokens"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(BODY))
                        .build());
        assertThat(overSocket.statusCode()).as("over a real loopback socket").isEqualTo(200);
    }

    @Test
    void the_token_is_a_twelve_hour_journals_token_for_demo_subject_signed_by_the_provider() throws Exception {
        MockHttpServletResponse answer = send(issue("/demo/tokens", "127.0.0.1"));

        JsonNode body = ProviderHttp.JSON.readTree(answer.getContentAsString());
        SignedJWT token = SignedJWT.parse(body.path("token").asString());
        assertThat(token.verify(new RSASSAVerifier(
                        SharedTestInfrastructure.get().jwtKeys().publicKey())))
                .isTrue();
        JWTClaimsSet claims = token.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("demo:alice");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("alice");
        assertThat(claims.getIssuer()).isEqualTo(ISSUER);
        assertThat(claims.getAudience()).containsExactly("rekindle-api");
        assertThat(claims.getStringListClaim("scope")).containsExactly("journals");
        assertThat(Duration.between(
                        claims.getIssueTime().toInstant(),
                        claims.getExpirationTime().toInstant()))
                .isEqualTo(Duration.ofHours(12));
        assertThat(Instant.parse(body.path("expiresAt").asString()))
                .isEqualTo(claims.getExpirationTime().toInstant());
        assertThat(token.getHeader().getKeyID()).isNotBlank();
    }

    @Test
    void a_client_elsewhere_gets_what_a_path_that_does_not_exist_answers() throws Exception {
        assertSameAnswer(send(issue("/demo/tokens", ELSEWHERE)), send(issue("/demo/tokenz", ELSEWHERE)));
    }

    @Test
    void a_signed_in_person_elsewhere_gets_the_404_of_a_path_that_does_not_exist() throws Exception {
        String name = uniqueName("elsewhere");
        createAccount(name, "a long enough pass phrase");
        MockHttpSession session = new MockHttpSession();
        String signInPage =
                send(get("/login").session(session).with(from(ELSEWHERE))).getContentAsString();
        MockHttpServletResponse signedIn = send(post("/login")
                .session(session)
                .with(from(ELSEWHERE))
                .param("username", name)
                .param("password", "a long enough pass phrase")
                .param("_csrf", ProviderHttp.csrfOf(signInPage)));
        assertThat(signedIn.getRedirectedUrl()).doesNotContain("error");
        // A fresh token: signing in replaces the one the sign-in page carried.
        String csrf = ProviderHttp.csrfOf(
                send(get("/login").session(session).with(from(ELSEWHERE))).getContentAsString());

        MockHttpServletResponse answer =
                send(issue("/demo/tokens", ELSEWHERE).session(session).header("X-CSRF-TOKEN", csrf));
        MockHttpServletResponse noRoute =
                send(issue("/demo/tokenz", ELSEWHERE).session(session).header("X-CSRF-TOKEN", csrf));

        assertThat(noRoute.getStatus()).isEqualTo(404);
        assertSameAnswer(answer, noRoute);
    }

    @Test
    void a_request_relayed_by_a_proxy_on_this_machine_is_not_from_this_machine() throws Exception {
        for (String header : new String[] {"Forwarded", "X-Forwarded-For", "X-Real-IP"}) {
            MockHttpServletResponse answer =
                    send(issue("/demo/tokens", "127.0.0.1").header(header, "203.0.113.9"));
            MockHttpServletResponse noRoute =
                    send(issue("/demo/tokenz", "127.0.0.1").header(header, "203.0.113.9"));
            assertThat(answer.getStatus()).as(header).isNotEqualTo(200);
            assertSameAnswer(answer, noRoute);
        }
    }

    @Test
    void a_name_outside_the_user_name_window_is_a_400_problem() throws Exception {
        String tooLong = "a".repeat(65);
        for (String body : new String[] {
            "{\"username\":\"\"}",
            "{\"username\":\"" + tooLong + "\"}",
            "{\"username\":\"al ice\"}",
            "{\"username\":\"alice/../bob\"}",
            "{}",
            "not json"
        }) {
            MockHttpServletResponse answer = send(post("/demo/tokens")
                    .with(from("127.0.0.1"))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body));
            assertThat(answer.getStatus()).as(body).isEqualTo(400);
            assertThat(answer.getContentType()).as(body).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            assertThat(answer.getContentAsString()).as(body).contains("\"field\":\"username\"");
        }
    }

    private static void assertSameAnswer(MockHttpServletResponse answer, MockHttpServletResponse noRoute)
            throws Exception {
        assertThat(answer.getStatus()).isEqualTo(noRoute.getStatus());
        assertThat(answer.getContentType()).isEqualTo(noRoute.getContentType());
        assertThat(answer.getRedirectedUrl()).isEqualTo(noRoute.getRedirectedUrl());
        assertThat(answer.getContentAsString())
                .isEqualTo(noRoute.getContentAsString().replace("tokenz", "tokens"));
        assertThat(answer.getContentAsString()).doesNotContain("\"token\"");
    }

    private MockHttpServletRequestBuilder issue(String path, String remoteAddress) {
        return post(path)
                .with(from(remoteAddress))
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY);
    }

    private static RequestPostProcessor from(String remoteAddress) {
        return request -> {
            request.setRemoteAddr(remoteAddress);
            return request;
        };
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }
}
