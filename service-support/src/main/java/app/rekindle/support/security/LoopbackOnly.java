package app.rekindle.support.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Requests from a client on this machine, talking to the service directly: what a demo that signs in as anyone
 * may answer, and nobody else. A request that came through a proxy (it names the original client in
 * {@code Forwarded}, {@code X-Forwarded-For} or {@code X-Real-IP}) is not from this machine, although the proxy
 * itself may be.
 */
public final class LoopbackOnly implements RequestMatcher {

    private static final List<String> PROXY_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");

    private final RequestMatcher requests;

    private LoopbackOnly(RequestMatcher requests) {
        this.requests = requests;
    }

    /** The given requests, when they come from this machine. */
    public static RequestMatcher of(RequestMatcher requests) {
        return new LoopbackOnly(requests);
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return requests.matches(request) && fromThisMachine(request);
    }

    public static boolean fromThisMachine(HttpServletRequest request) {
        if (PROXY_HEADERS.stream().anyMatch(header -> request.getHeader(header) != null)) {
            return false;
        }
        try {
            // The container gives an address literal: no name is looked up.
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }
}
