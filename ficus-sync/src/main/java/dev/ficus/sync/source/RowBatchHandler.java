package dev.ficus.sync.source;

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
}
