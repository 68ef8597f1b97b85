package app.rekindle.launcher;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables that wire a service process to this run's PostgreSQL, Kafka and keys.
 * Spring Boot's relaxed binding turns {@code SPRING_DATASOURCE_URL} into {@code spring.datasource.url},
 * so the services need no launcher-specific profile.
 */
public final class ServiceEnvironment {

    private ServiceEnvironment() {}

    public static Map<String, String> command(StackAddresses addresses) {
        Map<String, String> env = shared(addresses, addresses.commandPort(), addresses.eventsJdbcUrl());
        env.put("REKINDLE_DEV_TOKENS_ENABLED", "true");
        env.put("REKINDLE_DEV_TOKENS_PRIVATE_KEY_LOCATION", "file:" + addresses.jwtPrivateKeyPem());
        // The dashboard, served by the query service, signs in and quick-logs from the browser.
        env.put("REKINDLE_CORS_ALLOWED_ORIGINS", "http://localhost:" + addresses.queryPort());
        // Wraps the journals' data keys; made once in the data folder's keys directory (ServiceCredentials).
        env.put("REKINDLE_CRYPTO_MASTER_KEY_FILE", keysFile(addresses, ServiceCredentials.MASTER_KEY_FILE));
        return env;
    }

    public static Map<String, String> query(StackAddresses addresses) {
        Map<String, String> env = shared(addresses, addresses.queryPort(), addresses.viewsJdbcUrl());
        env.put("REKINDLE_COMMAND_SERVICE_URL", "http://localhost:" + addresses.commandPort());
        env.put("REKINDLE_DASHBOARD_DEV_SIGN_IN", "true");
        // Its own credential for the command service's internal key path (scope journal-keys).
        env.put("REKINDLE_CRYPTO_KEY_SERVICE_TOKEN_FILE", keysFile(addresses, ServiceCredentials.QUERY_TOKEN_FILE));
        return env;
    }

    private static String keysFile(StackAddresses addresses, String name) {
        return addresses.jwtPrivateKeyPem().resolveSibling(name).toString();
    }

    private static Map<String, String> shared(StackAddresses addresses, int port, String jdbcUrl) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SERVER_PORT", Integer.toString(port));
        // Loopback unless the run was opened up on purpose (REKINDLE_BIND_ADDRESS): a local run signs tokens for
        // anyone.
        env.put("SERVER_ADDRESS", addresses.bindAddress().getHostAddress());
        env.put("SPRING_DATASOURCE_URL", jdbcUrl);
        env.put("SPRING_DATASOURCE_USERNAME", addresses.databaseUsername());
        env.put("SPRING_DATASOURCE_PASSWORD", addresses.databasePassword());
        env.put("REKINDLE_KAFKA_BOOTSTRAP_SERVERS", addresses.kafkaBootstrapServers());
        env.put("REKINDLE_KAFKA_TOPIC", addresses.topic());
        env.put("SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_PUBLIC_KEY_LOCATION", "file:" + addresses.jwtPublicKeyPem());
        // A local run phones nobody.
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        return env;
    }
}
