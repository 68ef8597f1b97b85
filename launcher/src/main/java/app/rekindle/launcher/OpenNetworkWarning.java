package app.rekindle.launcher;

import java.net.InetAddress;

/** What the launcher says before it opens both services to the network (REKINDLE_BIND_ADDRESS). */
final class OpenNetworkWarning {

    private static final String RULE = "!".repeat(78);

    private OpenNetworkWarning() {}

    static String render(InetAddress bindAddress) {
        return String.join(
                "\n",
                RULE,
                " WARNING: REKINDLE_BIND_ADDRESS=" + bindAddress.getHostAddress() + " - both services will listen",
                " beyond this machine, over plain HTTP (no TLS).",
                " This run signs tokens for ANY user name (POST /dev/tokens). That endpoint answers only to",
                " clients on this machine, but whoever gets such a token - or runs a program on this machine -",
                " can read and change every journal, from anywhere the services can be reached.",
                " PostgreSQL and Kafka stay on loopback. Leave REKINDLE_BIND_ADDRESS unset to keep it all local.",
                RULE);
    }
}
