package org.yogaflow.account.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongFunction;
import org.yogaflow.account.store.PracticeFact;

/**
 * Each recently active user's sessions in the compact form progress and achievements need,
 * so repeated progress reads do not go back to the database. Every change to a user's
 * sessions goes through {@link PracticeService}, which calls {@link #invalidate} after the
 * change is committed; a per-user version stops a read that raced with a write from caching
 * what it read before the write. At most {@code maxUsers} users are kept; beyond that the
 * cache starts over (simple, bounded, and good enough for a single-node API).
 */
final class FactsCache {

    private record Entry(long version, List<PracticeFact> facts) {}

    private final int maxUsers;
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final Map<Long, Long> versions = new ConcurrentHashMap<>();

    FactsCache(int maxUsers) {
        this.maxUsers = maxUsers;
    }

    List<PracticeFact> get(long userId, LongFunction<List<PracticeFact>> load) {
        long version = versions.getOrDefault(userId, 0L);
        Entry cached = entries.get(userId);
        if (cached != null && cached.version() == version) {
            return cached.facts();
        }
        List<PracticeFact> facts = List.copyOf(load.apply(userId));
        if (entries.size() >= maxUsers) {
            entries.clear();
        }
        // Keep it only if no write for this user was committed since we read the version.
        entries.compute(userId, (id, old) -> versions.getOrDefault(id, 0L) == version ? new Entry(version, facts) : old);
        return facts;
    }

    /** Call after a committed change to the user's sessions. */
    void invalidate(long userId) {
        versions.merge(userId, 1L, Long::sum);
        entries.remove(userId);
    }
}
