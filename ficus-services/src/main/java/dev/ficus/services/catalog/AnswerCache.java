package dev.ficus.services.catalog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stored product answers kept in memory after their first read, so that a repeated GET is answered on the event loop
 * without a trip to PostgreSQL. An entry is only as good as the news of changes: {@link AnswerListener} removes the
 * entries of a SKU as soon as PostgreSQL reports that a transaction changed its stored answers, and while it hears no
 * news (not connected yet, connection lost) the cache is off and every read goes to the table.
 *
 * <p>Entries are keyed by the SKU as requested (with the store view): Java's lower-casing is not PostgreSQL's, so the
 * table's own {@code sku_key} of the answer is kept beside each entry and changes are matched on it.
 *
 * <p>A read that missed may only store what it read if no change was announced since it started
 * ({@link #generation()} before the read, {@link #put} after): otherwise the bytes it read may be older than the
 * change, and storing them would outlive it. Gets take no lock; puts and removals share one, so that no put slips in
 * between a change's check and its removal.
 */
final class AnswerCache {
    /** One cached answer: the SKU as asked for, the store view. */
    record Key(String sku, long storeId) {
    }

    private final long maxBytes;
    private final ConcurrentHashMap<Key, byte[]> answers = new ConcurrentHashMap<>();
    /** sku_key → the keys cached from its answers. */
    private final Map<String, Set<Key>> bySkuKey = new HashMap<>();
    private final Map<Key, String> skuKeyOf = new HashMap<>();
    private volatile long generation;
    private volatile boolean on;
    private long bytes;

    /** @param maxBytes answers are no longer added once the cached bytes reach this */
    AnswerCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The cached answer, or null: not cached, or the cache is off. */
    byte[] get(String sku, long storeId) {
        return on ? answers.get(new Key(sku, storeId)) : null;
    }

    /** Take before reading the table; pass to {@link #put}. */
    long generation() {
        return generation;
    }

    /** Keeps {@code answer}, read from the row with {@code skuKey}, unless a change came since {@code seen}. */
    synchronized void put(String sku, long storeId, String skuKey, byte[] answer, long seen) {
        if (!on || seen != generation || bytes + answer.length > maxBytes) {
            return;
        }
        Key key = new Key(sku, storeId);
        byte[] previous = answers.put(key, answer);
        bytes += answer.length - (previous == null ? 0 : previous.length);
        skuKeyOf.put(key, skuKey);
        bySkuKey.computeIfAbsent(skuKey, k -> new HashSet<>()).add(key);
    }

    /** The answers of {@code skuKey} changed: forgets every entry read from it. */
    synchronized void changed(String skuKey) {
        generation++;
        Set<Key> keys = bySkuKey.remove(skuKey);
        if (keys != null) {
            for (Key k : keys) {
                byte[] gone = answers.remove(k);
                skuKeyOf.remove(k);
                if (gone != null) {
                    bytes -= gone.length;
                }
            }
        }
    }

    /** News of changes arrive from now on: entries may be used and added (after a {@link #off} they start empty). */
    synchronized void on() {
        on = true;
    }

    /** News of changes may have been missed: forget everything and read the table until {@link #on}. */
    synchronized void off() {
        on = false;
        generation++;
        answers.clear();
        bySkuKey.clear();
        skuKeyOf.clear();
        bytes = 0;
    }

    synchronized long bytes() {
        return bytes;
    }

    int size() {
        return answers.size();
    }
}
