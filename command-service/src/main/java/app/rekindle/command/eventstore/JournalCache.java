package app.rekindle.command.eventstore;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * Journals recently written to, kept in memory so a command does not read a snapshot and replay events first.
 * Bounded by count in Caffeine (journals in steady use are kept over journals touched once) rather than by weak
 * references, so a busy journal survives garbage collection. This class only gives Caffeine Axon's cache
 * interface; each operation is one atomic call on Caffeine's map. Axon's caching repository removes an entry
 * whenever a unit of work that loaded or saved it rolls back; a copy that is stale because another instance
 * appended meanwhile fails its append on the unique (journal, sequence number) key, which removes it too (see
 * {@code web.IdempotentCommands} for the retry). The order of commits per journal is kept by
 * {@link AggregateCacheConfig}'s transaction guard, not here.
 */
final class JournalCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> cache;
    private final ConcurrentMap<Object, Object> entries;

    JournalCache(int maxJournals) {
        this.cache = Caffeine.newBuilder().maximumSize(maxJournals).build();
        this.entries = cache.asMap();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.get(key);
    }

    /** Axon puts null to forget a journal; Caffeine, like any concurrent map, takes no null values. */
    @Override
    public void put(Object key, Object value) {
        if (value == null) {
            entries.remove(key);
        } else {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.computeIfAbsent(key, k -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public boolean remove(Object key) {
        return entries.remove(key) != null;
    }

    @Override
    public void removeAll() {
        cache.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.containsKey(key);
    }

    /** How many journals are held once pending evictions have run. */
    long size() {
        cache.cleanUp();
        return cache.estimatedSize();
    }

    /** Nothing in this service listens to cache events; Axon's repository does not register any. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        return () -> true;
    }
}
