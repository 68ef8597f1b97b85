package app.rekindle.command.eventstore;

import app.rekindle.command.journal.JournalCommand;
import java.util.concurrent.locks.Lock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.NoCache;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The journal cache ({@code @Aggregate(cache = "journalCache")}): a command on a journal this instance wrote to
 * recently needs no snapshot read and no replay, only its append.
 */
@Configuration(proxyBeanMethods = false)
class AggregateCacheConfig {

    /** 0 turns caching off: every command loads its journal from the event store (snapshot plus events). */
    @Bean
    Cache journalCache(@Value("${rekindle.aggregate-cache.max-journals:1000}") int maxJournals) {
        return maxJournals > 0 ? new JournalCache(maxJournals) : NoCache.INSTANCE;
    }

    /** Held by a command from its start until its transaction completes; the snapshotter reads the cache under it. */
    @Bean
    JournalLocks journalLocks() {
        return new JournalLocks();
    }

    /**
     * Axon's unit of work joins the request's Spring transaction, caches the journal when the unit of work
     * commits and releases the journal's lock right after; the Spring transaction commits later. Two guards for
     * that window:
     * <ul>
     * <li>the journal stays locked (in this instance) until the Spring transaction has completed: otherwise the
     * next command on it would build on the cached, not yet committed, version and could commit its event first,
     * so the event store's commit order, and with it the publisher's order, would no longer follow the
     * sequence numbers;</li>
     * <li>should the Spring transaction roll back after all (the idempotency record could not be written, the
     * connection broke at commit), the cached journal would hold an event that was never stored: forget it.</li>
     * </ul>
     */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> journalCacheTransactionGuard(Cache journalCache, JournalLocks locks) {
        return (unitOfWork, chain) -> {
            Object journalId =
                    unitOfWork.getMessage().getPayload() instanceof JournalCommand command ? command.journalId() : null;
            if (journalId != null && TransactionSynchronizationManager.isSynchronizationActive()) {
                String key = journalId.toString();
                Lock lock = locks.of(key);
                lock.lock();
                try {
                    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            if (status != STATUS_COMMITTED) {
                                journalCache.remove(key);
                            }
                            lock.unlock();
                        }
                    });
                } catch (RuntimeException e) {
                    lock.unlock();
                    throw e;
                }
            }
            return chain.proceed();
        };
    }
}
