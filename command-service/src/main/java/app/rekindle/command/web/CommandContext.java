package app.rekindle.command.web;

/**
 * Who sends a command and under which HTTP conditions: the token's subject, the optional Idempotency-Key and
 * the optional If-Match version. Resolved from the request by {@link CommandContextResolver}.
 */
public record CommandContext(String person, String idempotencyKey, Long expectedVersion, String method, String path) {}
