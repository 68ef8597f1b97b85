package app.rekindle.identity.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import app.rekindle.identity.RunningProvider;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** Demo mode off (the default): even a client on this machine gets what a path that does not exist answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
class DemoTokensOffTest {

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        RunningProvider.register(registry, 8082);
    }

    @Autowired
    WebApplicationContext context;

    @Test
    void demo_tokens_are_not_there_unless_asked_for() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context)
                .addFilters(context.getBean("springSecurityFilterChain", Filter.class))
                .build();

        MockHttpServletResponse answer = mvc.perform(post("/demo/tokens")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\"}"))
                .andReturn()
                .getResponse();
        MockHttpServletResponse noRoute = mvc.perform(post("/demo/tokenz")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"alice\"}"))
                .andReturn()
                .getResponse();

        assertThat(answer.getStatus()).isNotEqualTo(200).isEqualTo(noRoute.getStatus());
        assertThat(answer.getContentType()).isEqualTo(noRoute.getContentType());
        assertThat(answer.getRedirectedUrl()).isEqualTo(noRoute.getRedirectedUrl());
        assertThat(answer.getContentAsString()).isEqualTo(noRoute.getContentAsString());
        assertThat(context.containsBean("demoTokens")).isFalse();
    }
}
