package dev.ficus.gateway.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Magento's verdicts on tokens, kept for a short time (a revoked token stops working within the TTL) and for a
 * bounded number of tokens (the least recently used go first), keyed by the token's hash.
 */
final class TokenCache {
    private record Entry(Verdict verdict, long expiresAt) {
    }

    private final long ttlNanos;
    private final LongSupplier clock;
    private final LinkedHashMap<String, Entry> entries;

    TokenCache(Duration ttl, int maxEntries, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.clock = nanoClock;
        this.entries = new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                return size() > maxEntries;
            }
        };
    }

    synchronized Verdict get(String key) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (clock.getAsLong() - e.expiresAt() >= 0) {
            entries.remove(key);
            return null;
        }
        return e.verdict();
    }

    synchronized void put(String key, Verdict verdict) {
        if (ttlNanos > 0) {
            entries.put(key, new Entry(verdict, clock.getAsLong() + ttlNanos));
        }
    }

    synchronized int size() {
        return entries.size();
    }
}
