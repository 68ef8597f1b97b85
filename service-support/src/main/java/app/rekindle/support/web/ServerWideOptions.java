package app.rekindle.support.web;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.Adapter;
import org.apache.coyote.ProtocolHandler;
import org.apache.coyote.Request;
import org.apache.coyote.Response;
import org.apache.tomcat.util.net.SocketEvent;

/**
 * {@code OPTIONS *} is answered by Tomcat's adapter itself (200 with {@code Allow}), before any valve or filter
 * could add the security headers. This wraps the connector's adapter so that answer carries them too.
 */
final class ServerWideOptions implements Adapter {

    private final Adapter tomcat;

    private ServerWideOptions(Adapter tomcat) {
        this.tomcat = tomcat;
    }

    /** The connector creates its adapter when it initialises; wrap it then, before the first connection. */
    static void install(Connector connector) {
        connector.addLifecycleListener(event -> {
            ProtocolHandler protocol = connector.getProtocolHandler();
            if (Lifecycle.AFTER_INIT_EVENT.equals(event.getType())
                    && !(protocol.getAdapter() instanceof ServerWideOptions)) {
                protocol.setAdapter(new ServerWideOptions(protocol.getAdapter()));
            }
        });
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        if (request.requestURI().equals("*")) {
            SecurityHeaders.ALL.forEach(response::setHeader);
        }
        tomcat.service(request, response);
    }

    @Override
    public boolean prepare(Request request, Response response) throws Exception {
        return tomcat.prepare(request, response);
    }

    @Override
    public boolean asyncDispatch(Request request, Response response, SocketEvent status) throws Exception {
        return tomcat.asyncDispatch(request, response, status);
    }

    @Override
    public void log(Request request, Response response, long time) {
        tomcat.log(request, response, time);
    }

    @Override
    public void checkRecycled(Request request, Response response) {
        tomcat.checkRecycled(request, response);
    }

    @Override
    public String getDomain() {
        return tomcat.getDomain();
    }
}
