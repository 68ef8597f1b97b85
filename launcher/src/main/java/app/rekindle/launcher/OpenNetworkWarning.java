package app.rekindle.launcher;

import java.net.InetAddress;

/** What the launcher says before it opens the services to the network (REKINDLE_BIND_ADDRESS). */
final class OpenNetworkWarning {

    private static final String RULE = "!".repeat(78);

    private OpenNetworkWarning() {}

    static String render(InetAddress bindAddress, boolean demo) {
        return String.join(
                "\n",
                RULE,
                " WARNING: REKINDLE_BIND_ADDRESS=" + bindAddress.getHostAddress() + " - the services will listen",
                " beyond this machine, over plain HTTP (no TLS): passwords and tokens travel unencrypted.",
                demo
                        ? " DEMO MODE hands out tokens for ANY user name (POST /demo/tokens). That endpoint answers\n"
                                + " only to clients on this machine, but whoever gets such a token - or runs a program\n"
                                + " on this machine - can read and change every journal, from anywhere."
                        : " Put TLS in front (a reverse proxy) before anyone signs in from elsewhere.",
                " PostgreSQL and Kafka stay on loopback. Leave REKINDLE_BIND_ADDRESS unset to keep it all local.",
                RULE);
    }
}
