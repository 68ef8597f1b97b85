package app.rekindle.command.observability;

import app.rekindle.support.RequestLogContext;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.slf4j.MDC;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Carries the request's trace id from the HTTP request to the events it caused, so the publisher can put it on
 * the Kafka record ({@code ce_traceparent}) and the query service log with the same id. Under its own metadata
 * key: Axon's own {@code traceId} is the id of the first message in a chain, not a W3C trace.
 */
@Configuration(proxyBeanMethods = false)
public class TracePropagation {

    public static final String METADATA_KEY = "requestTraceId";

    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> requestTraceIdOnCommands() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
                    List<? extends CommandMessage<?>> messages) {
                String traceId = MDC.get(RequestLogContext.TRACE_ID);
                return (index, command) ->
                        traceId == null ? command : command.andMetaData(Map.of(METADATA_KEY, traceId));
            }
        };
    }

    /** Copies the trace id from a command onto the events it applies. */
    @Bean
    CorrelationDataProvider requestTraceIdOnEvents() {
        return new SimpleCorrelationDataProvider(METADATA_KEY);
    }

    /** Declaring a provider above replaces Axon's default one; keep it (correlation and causation ids). */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** A W3C traceparent for the trace id, with a fresh span id: the publishing is a new span of that trace. */
    public static String traceparent(String traceId) {
        return "00-" + traceId + "-" + RequestLogContext.traceId(null).substring(0, 16) + "-01";
    }
}
