package app.rekindle.command.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.Filter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * {@code POST /dev/tokens} where dev tokens are enabled answers clients on this machine only. A request from another
 * machine cannot be made over a real socket here (this machine's other addresses are not to be used as test
 * targets), so it is made with MockMvc through the service's real context and security filter chain, with the
 * request's remote address set to a documentation address (RFC 5737). Its answers must be those of a service
 * without dev tokens: 401 without a token, and with one the 404 of a route that does not exist.
 */
@TestPropertySource(properties = "rekindle.dev-tokens.enabled=true")
class DevTokensFromThisMachineTest extends CommandServiceTest {

    private static final String ELSEWHERE = "192.0.2.7";
    private static final String BODY = "{\"username\":\"mallory\"}";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestEnvironment.register(registry, "devtokens");
        registry.add(
                "rekindle.dev-tokens.private-key-location", () -> app.rekindle.embedded.SharedTestInfrastructure.get()
                        .jwtKeys()
                        .privateKeyPem()
                        .toUri()
                        .toString());
    }

    @Autowired
    WebApplicationContext context;

    private MockMvc mvc;
    private final String token = Api.tokenFor("alice");

    @BeforeEach
    void mockMvc() {
        mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class))
                .build();
    }

    @Test
    void a_client_on_this_machine_gets_a_token_over_ipv4_and_ipv6_loopback() throws Exception {
        for (String loopback : new String[] {"127.0.0.1", "0:0:0:0:0:0:0:1"}) {
            MockHttpServletResponse answer = send(issue(loopback));
            assertThat(answer.getStatus()).as(loopback).isEqualTo(200);
            assertThat(Api.JSON
                            .readTree(answer.getContentAsString())
                            .path("token")
                            .asString())
                    .isNotBlank();
        }
        assertThat(api.post("/dev/tokens", null, BODY).status())
                .as("over a real loopback socket")
                .isEqualTo(200);
    }

    @Test
    void a_client_elsewhere_without_a_token_is_answered_as_if_dev_tokens_were_off() throws Exception {
        MockHttpServletResponse answer = send(issue(ELSEWHERE));
        MockHttpServletResponse anyOtherWrite = send(post("/journals")
                .with(from(ELSEWHERE))
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY));

        assertThat(answer.getStatus()).isEqualTo(401);
        assertThat(answer.getContentAsString()).isEqualTo(anyOtherWrite.getContentAsString());
        assertThat(answer.getHeader("WWW-Authenticate")).isEqualTo(anyOtherWrite.getHeader("WWW-Authenticate"));
    }

    @Test
    void a_client_elsewhere_with_a_token_gets_the_404_of_a_route_that_does_not_exist() throws Exception {
        MockHttpServletResponse answer = send(issue(ELSEWHERE).header("Authorization", "Bearer " + token));
        MockHttpServletResponse noRoute = send(post("/dev/tokenz")
                .with(from(ELSEWHERE))
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY));

        assertThat(noRoute.getStatus()).isEqualTo(404);
        assertThat(answer.getStatus()).isEqualTo(404);
        assertThat(answer.getContentType()).isEqualTo(noRoute.getContentType());
        // The same problem, naming the path that was asked for.
        assertThat(answer.getContentAsString())
                .isEqualTo(noRoute.getContentAsString().replace("tokenz", "tokens"));
        assertThat(answer.getContentAsString()).doesNotContain("token\"");
    }

    @Test
    void a_request_relayed_by_a_proxy_on_this_machine_is_not_from_this_machine() throws Exception {
        for (String header : new String[] {"Forwarded", "X-Forwarded-For", "X-Real-IP"}) {
            MockHttpServletResponse answer = send(issue("127.0.0.1").header(header, "203.0.113.9"));
            assertThat(answer.getStatus()).as(header).isEqualTo(401);
        }
    }

    private MockHttpServletRequestBuilder issue(String remoteAddress) {
        return post("/dev/tokens")
                .with(from(remoteAddress))
                .contentType(MediaType.APPLICATION_JSON)
                .content(BODY);
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor from(String remoteAddress) {
        return request -> {
            request.setRemoteAddr(remoteAddress);
            return request;
        };
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse();
    }
}
