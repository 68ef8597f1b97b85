package app.rekindle.command.publishing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Operators of the command service ({@code rekindle.admin.*}), named as on the query side.
 *
 * @param subjects token subjects allowed to run operator commands; empty (the default) allows no one
 */
@ConfigurationProperties("rekindle.admin")
record OperatorProperties(@DefaultValue List<String> subjects) {
}
