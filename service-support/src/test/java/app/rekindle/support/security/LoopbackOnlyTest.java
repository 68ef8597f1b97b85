package app.rekindle.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

class LoopbackOnlyTest {

    private final RequestMatcher anyFromHere = LoopbackOnly.of(AnyRequestMatcher.INSTANCE);

    @Test
    void a_client_on_ipv4_or_ipv6_loopback_is_from_this_machine() {
        for (String address : new String[] {"127.0.0.1", "127.3.2.1", "0:0:0:0:0:0:0:1", "::1"}) {
            assertThat(anyFromHere.matches(from(address))).as(address).isTrue();
        }
    }

    @Test
    void a_client_at_another_address_is_not() {
        for (String address : new String[] {"192.0.2.7", "2001:db8::7", "0.0.0.0", "not an address"}) {
            assertThat(anyFromHere.matches(from(address))).as(address).isFalse();
        }
    }

    @Test
    void a_request_relayed_by_a_proxy_on_this_machine_is_not() {
        for (String header : new String[] {"Forwarded", "X-Forwarded-For", "X-Real-IP"}) {
            MockHttpServletRequest relayed = from("127.0.0.1");
            relayed.addHeader(header, "203.0.113.9");
            assertThat(anyFromHere.matches(relayed)).as(header).isFalse();
        }
    }

    @Test
    void requests_the_wrapped_matcher_refuses_stay_refused() {
        assertThat(LoopbackOnly.of(request -> false).matches(from("127.0.0.1"))).isFalse();
    }

    private static MockHttpServletRequest from(String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/demo/tokens");
        request.setRemoteAddr(address);
        return request;
    }
}
