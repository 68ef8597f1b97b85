package app.rekindle.command.devtokens;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may ask for a dev token: a client on this machine, talking to the service directly. Dev tokens sign in as
 * anyone, so even where they are enabled a request from elsewhere is answered as if they were not. A request that
 * came through a proxy (it names the original client in {@code Forwarded}, {@code X-Forwarded-For} or
 * {@code X-Real-IP}) is not from this machine, although the proxy itself may be.
 */
public final class DevTokenRequests {

    /** {@code POST /dev/tokens} from a client on this machine: the only request that needs no token. */
    public static final RequestMatcher FROM_THIS_MACHINE = new FromThisMachine();

    private static final List<String> PROXY_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Real-IP");
    private static final RequestMatcher ISSUE =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/dev/tokens");

    private DevTokenRequests() {}

    static boolean fromThisMachine(HttpServletRequest request) {
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

    private static final class FromThisMachine implements RequestMatcher {
        @Override
        public boolean matches(HttpServletRequest request) {
            return ISSUE.matches(request) && fromThisMachine(request);
        }
    }
}
