package app.rekindle.launcher;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * What the one-command run starts, and where. Read from environment variables, each optional:
 * <dl>
 * <dt>{@code REKINDLE_DATA_DIR} (default {@code ./data})</dt>
 * <dd>Kept across restarts: {@code postgres/} (the databases), {@code kafka/} (the broker's log) and
 * {@code keys/} (the JWT signing key pair, so tokens stay valid after a restart).</dd>
 * <dt>{@code REKINDLE_COMMAND_PORT} (8080), {@code REKINDLE_QUERY_PORT} (8081), {@code REKINDLE_IDENTITY_PORT}
 * (8082)</dt>
 * <dd>HTTP ports of the command, query and identity services.</dd>
 * <dt>{@code REKINDLE_DEMO} (false)</dt>
 * <dd>{@code true}: the identity service hands out a token for any user name ({@code POST /demo/tokens}, to clients
 * on this machine only) and the banner prints one, for trying Rekindle without an account. Off, people sign up.</dd>
 * <dt>{@code REKINDLE_ISSUER_URI}, {@code REKINDLE_TOKEN_URI}, {@code REKINDLE_QUERY_CLIENT_SECRET_FILE}</dt>
 * <dd>An external OpenID Connect provider instead of the identity service: both services trust its tokens (audience
 * {@code rekindle-api}), the query service gets its own from its token endpoint with the client secret in that
 * file. All three together; no identity service is started then.</dd>
 * <dt>{@code REKINDLE_POSTGRES_PORT} (54329)</dt>
 * <dd>Fixed by default so the JDBC URL stays the same from one run to the next (connect with
 * {@code psql -h localhost -p 54329 -U postgres rekindle}); off PostgreSQL's usual 5432 so that an
 * installed server does not get in the way.</dd>
 * <dt>{@code REKINDLE_KAFKA_PORT} (0)</dt>
 * <dd>The broker's client port; 0 takes a free one on each start (the services are told which).</dd>
 * <dt>{@code REKINDLE_KAFKA_TOPIC} ({@code rekindle.journal-events}), {@code REKINDLE_TOPIC_PARTITIONS} (6)</dt>
 * <dd>The topic the journal events travel on, created at the first start with unlimited retention.
 * The partition count only applies when the topic is created.</dd>
 * <dt>{@code REKINDLE_SERVICE_HEAP} (384m)</dt>
 * <dd>Maximum heap ({@code -Xmx}) of each service process.</dd>
 * <dt>{@code REKINDLE_BIND_ADDRESS} (127.0.0.1)</dt>
 * <dd>The IP address the services listen on. Only this machine can reach them by default; {@code 0.0.0.0}
 * (or one interface's address) opens them to the network, over plain HTTP (passwords and tokens included), and
 * the launcher then prints a warning. PostgreSQL (trust authentication, no password) and Kafka (no
 * authentication) always stay on loopback, whatever this says.</dd>
 * </dl>
 * Any port may be 0 for "a free one". The service jars are found next to the launcher jar, in
 * {@code services/}, unless the system properties {@code rekindle.commandJar} / {@code rekindle.queryJar} /
 * {@code rekindle.identityJar} point elsewhere.
 */
public record LauncherConfig(
        Path dataDir,
        int commandPort,
        int queryPort,
        int identityPort,
        int postgresPort,
        int kafkaPort,
        String topic,
        int topicPartitions,
        String serviceHeap,
        ServiceJars jars,
        InetAddress bindAddress,
        boolean demo,
        IdentityProvider externalProvider) {

    /** Where the services listen unless {@code REKINDLE_BIND_ADDRESS} says otherwise: this machine only. */
    public static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static final Pattern HEAP_SIZE = Pattern.compile("[1-9][0-9]*[kKmMgG]?");
    // IPv4 dotted quads, or IPv6 (hex digits and colons, possibly ending in a dotted quad); getByName checks the rest.
    private static final Pattern IP_LITERAL =
            Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public LauncherConfig {
        requirePort("command port", commandPort);
        requirePort("query port", queryPort);
        requirePort("identity port", identityPort);
        requirePort("PostgreSQL port", postgresPort);
        requirePort("Kafka port", kafkaPort);
        if (topicPartitions < 1) {
            throw new IllegalArgumentException("The topic needs at least one partition, not " + topicPartitions);
        }
        if (!HEAP_SIZE.matcher(serviceHeap).matches()) {
            throw new IllegalArgumentException("Service heap must look like 384m or 1g, not '" + serviceHeap + "'");
        }
        if (bindAddress == null) {
            throw new IllegalArgumentException("The bind address is required");
        }
        if (demo && externalProvider != null) {
            throw new IllegalArgumentException("REKINDLE_DEMO needs the identity service of this run, which does not"
                    + " start with REKINDLE_ISSUER_URI: ask the external provider for tokens instead");
        }
    }

    /** A run on free ports, listening on loopback only, with the identity service of its own: what tests start. */
    public static LauncherConfig onFreePorts(
            Path dataDir, String topic, int topicPartitions, String serviceHeap, ServiceJars jars, boolean demo) {
        return new LauncherConfig(
                dataDir, 0, 0, 0, 0, 0, topic, topicPartitions, serviceHeap, jars, LOOPBACK, demo, null);
    }

    /** True when this run starts the identity service, rather than trusting an external provider. */
    public boolean startsIdentityService() {
        return externalProvider == null;
    }

    /** True when the services can be reached from other machines. */
    public boolean reachableFromNetwork() {
        return !bindAddress.isLoopbackAddress();
    }

    public static LauncherConfig fromEnvironment() {
        return from(System.getenv(), System.getProperties());
    }

    static LauncherConfig from(Map<String, String> env, Properties systemProperties) {
        ServiceJars jars = ServiceJars.locate(systemProperties);
        return new LauncherConfig(
                Path.of(env.getOrDefault("REKINDLE_DATA_DIR", "./data"))
                        .toAbsolutePath()
                        .normalize(),
                integer(env, "REKINDLE_COMMAND_PORT", 8080),
                integer(env, "REKINDLE_QUERY_PORT", 8081),
                integer(env, "REKINDLE_IDENTITY_PORT", 8082),
                integer(env, "REKINDLE_POSTGRES_PORT", 54329),
                integer(env, "REKINDLE_KAFKA_PORT", 0),
                env.getOrDefault("REKINDLE_KAFKA_TOPIC", "rekindle.journal-events"),
                integer(env, "REKINDLE_TOPIC_PARTITIONS", 6),
                env.getOrDefault("REKINDLE_SERVICE_HEAP", "384m"),
                jars,
                ipAddress(env, "REKINDLE_BIND_ADDRESS"),
                bool(env, "REKINDLE_DEMO"),
                externalProvider(env));
    }

    // All three or none: a provider the services trust but the query service cannot get a token from would leave
    // every sealed text unreadable.
    private static IdentityProvider externalProvider(Map<String, String> env) {
        String issuer = text(env, "REKINDLE_ISSUER_URI");
        String tokenUri = text(env, "REKINDLE_TOKEN_URI");
        String secretFile = text(env, "REKINDLE_QUERY_CLIENT_SECRET_FILE");
        if (issuer == null && tokenUri == null && secretFile == null) {
            return null;
        }
        if (issuer == null || tokenUri == null || secretFile == null) {
            throw new IllegalArgumentException("An external identity provider needs REKINDLE_ISSUER_URI,"
                    + " REKINDLE_TOKEN_URI and REKINDLE_QUERY_CLIENT_SECRET_FILE together");
        }
        return new IdentityProvider(
                httpUrl("REKINDLE_ISSUER_URI", issuer),
                httpUrl("REKINDLE_TOKEN_URI", tokenUri),
                Path.of(secretFile).toAbsolutePath());
    }

    private static URI httpUrl(String name, String value) {
        try {
            URI uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // Answered below, like any other value that is not a URL.
        }
        throw new IllegalArgumentException(name + " must be an http(s) URL, not '" + value + "'");
    }

    private static String text(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static boolean bool(Map<String, String> env, String name) {
        String value = text(env, name);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(name + " must be true or false, not '" + value + "'");
    }

    // An address literal only: a host name would be looked up in DNS, and could mean another address tomorrow.
    private static InetAddress ipAddress(Map<String, String> env, String name) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return LOOPBACK;
        }
        String literal = value.trim();
        if (!IP_LITERAL.matcher(literal).matches()) {
            throw new IllegalArgumentException(
                    name + " must be an IP address such as 127.0.0.1 or 0.0.0.0, not '" + value + "'");
        }
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(
                    name + " must be an IP address such as 127.0.0.1 or 0.0.0.0, not '" + value + "'");
        }
    }

    private static int integer(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static void requirePort(String what, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("The " + what + " must be between 0 and 65535, not " + port);
        }
    }
}
