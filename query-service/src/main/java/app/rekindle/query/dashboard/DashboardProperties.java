package app.rekindle.query.dashboard;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the dashboard page needs to know about its surroundings ({@code rekindle.dashboard.*}).
 *
 * @param commandServiceUrl where the page sends writes and asks for dev tokens
 *                          ({@code REKINDLE_COMMAND_SERVICE_URL}); the command service must allow this
 *                          service's origin through {@code rekindle.cors.allowed-origins}
 * @param devSignIn         the command service issues dev tokens ({@code REKINDLE_DASHBOARD_DEV_SIGN_IN}), so
 *                          the page may offer sign-in by user name; otherwise people paste a bearer token
 */
@ConfigurationProperties("rekindle.dashboard")
record DashboardProperties(String commandServiceUrl, boolean devSignIn) {}
