package app.rekindle.query.rebuild;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Operators ({@code rekindle.admin.*}).
 *
 * @param subjects token subjects allowed to run operator commands; empty (the default) allows no one
 */
@ConfigurationProperties("rekindle.admin")
public record AdminProperties(@DefaultValue List<String> subjects) {
}
