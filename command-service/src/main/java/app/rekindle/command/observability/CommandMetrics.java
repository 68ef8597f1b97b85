package app.rekindle.command.observability;

import app.rekindle.command.journal.JournalRejection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.springframework.stereotype.Component;

/**
 * Counts and times every command by type and outcome. Measured around the whole unit of work (Axon registers
 * this bean on the command bus): the outcome is known only at clean-up, after the events were appended or an
 * optimistic-locking conflict rolled them back.
 */
@Component
class CommandMetrics implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        String type = unitOfWork.getMessage().getPayloadType().getSimpleName();
        long started = System.nanoTime();
        unitOfWork.onCleanup(finished -> record(type, outcome(finished), System.nanoTime() - started));
        return chain.proceed();
    }

    private void record(String type, String outcome, long nanos) {
        Counter.builder("rekindle.commands")
                .description("Commands handled, by type and outcome")
                .tag("type", type)
                .tag("outcome", outcome)
                .register(registry)
                .increment();
        Timer.builder("rekindle.command.latency")
                .description("Time to decide a command and append its events")
                .tag("type", type)
                .tag("outcome", outcome)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** accepted, rejected (the journal's rules said no), conflict (optimistic locking) or failed. */
    static String outcome(UnitOfWork<?> unitOfWork) {
        Throwable failure = unitOfWork.getExecutionResult() != null
                        && unitOfWork.getExecutionResult().isExceptionResult()
                ? unitOfWork.getExecutionResult().getExceptionResult()
                : null;
        if (failure == null) {
            return unitOfWork.isRolledBack() ? "failed" : "accepted";
        }
        return switch (failure) {
            case JournalRejection rejection -> "rejected";
            case AggregateNotFoundException notFound -> "rejected";
            case ConcurrencyException concurrent -> "conflict";
            case ConflictingModificationException stale -> "conflict";
            default -> "failed";
        };
    }
}
