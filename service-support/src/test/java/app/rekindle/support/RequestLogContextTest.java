package app.rekindle.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class RequestLogContextTest {

    @Test
    void a_request_logs_with_its_journal_id_and_the_callers_trace_id_and_leaves_nothing_behind() throws Exception {
        MockHttpServletRequest request =
                new MockHttpServletRequest("POST", "/journals/5b0c7e2a-3f4d-4e8b-9a61-2f1d0c9b8a71/check-ins");
        request.addHeader("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        Map<String, String> seen = new HashMap<>();

        new RequestLogContext()
                .doFilter(
                        request,
                        new MockHttpServletResponse(),
                        new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
                            @Override
                            protected void service(
                                    jakarta.servlet.http.HttpServletRequest req,
                                    jakarta.servlet.http.HttpServletResponse res) {
                                seen.putAll(MDC.getCopyOfContextMap());
                            }
                        }));

        assertThat(seen)
                .containsEntry("journalId", "5b0c7e2a-3f4d-4e8b-9a61-2f1d0c9b8a71")
                .containsEntry("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
        assertThat(MDC.get("traceId")).isNull();
        assertThat(MDC.get("journalId")).isNull();
    }

    @Test
    void without_a_traceparent_a_fresh_trace_id_is_made() {
        assertThat(RequestLogContext.traceId(null)).matches("[0-9a-f]{32}");
        assertThat(RequestLogContext.traceId("not a traceparent")).matches("[0-9a-f]{32}");
    }
}
