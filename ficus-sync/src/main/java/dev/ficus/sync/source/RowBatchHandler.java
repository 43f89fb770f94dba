package dev.ficus.sync.source;

import dev.ficus.events.SourcePosition;
import dev.ficus.sync.decode.RowChange;
import java.util.List;

/**
 * The port through which the source stage hands on what it read: the decoded row changes of one engine batch. The
 * processing stage implements it; the source knows nothing of what follows.
 *
 * <p>{@link #handle} returns only when the batch's events are stored (or dead-lettered): the engine marks the batch's
 * records processed right after, and its offsets must never run ahead of what consumers can read.
 */
@FunctionalInterface
public interface RowBatchHandler {
    void handle(List<RowChange> rows) throws InterruptedException;

    /**
     * The engine streams: every row of the initial snapshot (if one ran) has been handed to {@link #handle} before.
     * Called once each time the source goes from snapshotting or starting to streaming, after the batch in which it
     * noticed; returns only when what it publishes is stored, like {@link #handle}.
     *
     * @param at where streaming goes on from
     */
    default void streaming(SourcePosition at) throws InterruptedException {
    }
}
