package app.rekindle.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables that wire a service process to this run's PostgreSQL, Kafka, keys and identity
 * provider. Spring Boot's relaxed binding turns {@code SPRING_DATASOURCE_URL} into {@code spring.datasource.url},
 * so the services need no launcher-specific profile.
 */
public final class ServiceEnvironment {

    /** What every access token for Rekindle's API names in {@code aud}. */
    static final String AUDIENCE = "rekindle-api";

    private ServiceEnvironment() {}

    public static Map<String, String> command(StackAddresses addresses) {
        Map<String, String> env = resourceServer(addresses, addresses.commandPort(), addresses.eventsJdbcUrl());
        // The dashboard, served by the query service, logs entries from the browser.
        env.put("REKINDLE_CORS_ALLOWED_ORIGINS", dashboardOrigin(addresses));
        // Wraps the journals' data keys; made once in the data folder's keys directory (ServiceCredentials).
        env.put("REKINDLE_CRYPTO_MASTER_KEY_FILE", keysFile(addresses, ServiceCredentials.MASTER_KEY_FILE));
        return env;
    }

    public static Map<String, String> query(StackAddresses addresses, boolean demo) {
        Map<String, String> env = resourceServer(addresses, addresses.queryPort(), addresses.viewsJdbcUrl());
        env.put("REKINDLE_COMMAND_SERVICE_URL", "http://localhost:" + addresses.commandPort());
        // Its own token for the command service's internal key path: client credentials, scope journal-keys.
        env.put(
                "REKINDLE_CRYPTO_KEY_SERVICE_TOKEN_URI",
                addresses.provider().tokenUri().toString());
        env.put(
                "REKINDLE_CRYPTO_KEY_SERVICE_CLIENT_SECRET_FILE",
                addresses.provider().queryClientSecretFile().toString());
        env.put("REKINDLE_DASHBOARD_DEMO", Boolean.toString(demo));
        return env;
    }

    /** This run's own OpenID Connect provider, signing with the run's JWT key. */
    public static Map<String, String> identity(StackAddresses addresses, boolean demo) {
        Map<String, String> env = service(addresses, addresses.identityPort(), addresses.identityJdbcUrl());
        env.put("REKINDLE_IDENTITY_ISSUER", addresses.provider().issuer().toString());
        env.put("REKINDLE_IDENTITY_SIGNING_KEY_LOCATION", "file:" + addresses.jwtPrivateKeyPem());
        env.put("REKINDLE_IDENTITY_DASHBOARD_URIS", dashboardOrigin(addresses) + "/");
        env.put(
                "REKINDLE_IDENTITY_QUERY_SERVICE_SECRET_FILE",
                addresses.provider().queryClientSecretFile().toString());
        env.put("REKINDLE_IDENTITY_COMMAND_SERVICE_URL", "http://localhost:" + addresses.commandPort());
        env.put("REKINDLE_IDENTITY_DEMO_ENABLED", Boolean.toString(demo));
        return env;
    }

    private static String dashboardOrigin(StackAddresses addresses) {
        return "http://localhost:" + addresses.queryPort();
    }

    private static String keysFile(StackAddresses addresses, String name) {
        return addresses.keysDir().resolve(name).toString();
    }

    /** Both services trust the provider's tokens for Rekindle's API, and nothing else. */
    private static Map<String, String> resourceServer(StackAddresses addresses, int port, String jdbcUrl) {
        Map<String, String> env = service(addresses, port, jdbcUrl);
        env.put("REKINDLE_KAFKA_BOOTSTRAP_SERVERS", addresses.kafkaBootstrapServers());
        env.put("REKINDLE_KAFKA_TOPIC", addresses.topic());
        // Keys from the issuer's discovery document, on the first request: the provider may start after them.
        env.put(
                "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI",
                addresses.provider().issuer().toString());
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_AUDIENCES", AUDIENCE);
        // A local run phones nobody.
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return env;
    }

    private static Map<String, String> service(StackAddresses addresses, int port, String jdbcUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        // Loopback unless the run was opened up on purpose (REKINDLE_BIND_ADDRESS).
        env.put("SERVER_ADDRESS", addresses.bindAddress().getHostAddress());
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", addresses.databaseUsername());
        env.put("SPRING_DATASOURCE_PASSWORD", addresses.databasePassword());
        return env;
    }
}
