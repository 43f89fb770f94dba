package dev.ficus.gateway.flag;

import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/**
 * Where flag values and their histories live: the one place that every gateway replica reads and writes, so they all
 * agree. Keys are ConfigMap keys ({@code catalog_read}, {@code catalog_read.history}); values are text.
 *
 * <p>Calls block (file or API I/O): the gateway makes them on worker threads.
 */
public interface FlagStore extends AutoCloseable {
    /** What a person reads in {@code ficus flags list}: {@code directory /etc/ficus/flags}, {@code configmap ns/name}. */
    String description();

    /** Every key and value; throws when the store cannot be read (the gateway then keeps its last good state). */
    Map<String, String> read() throws IOException;

    /**
     * Applies a change against the current content, safe against concurrent writers (other replicas): {@code change}
     * gets the current keys and returns the keys to write (empty: write nothing). Returns what was written.
     */
    Map<String, String> update(Function<Map<String, String>, Map<String, String>> change) throws IOException;

    /** Called when the store knows that its content changed (a watch event); polling covers stores without one. */
    default void onChange(Runnable listener) {
    }

    @Override
    default void close() {
    }
}
