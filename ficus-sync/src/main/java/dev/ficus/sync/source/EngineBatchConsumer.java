package dev.ficus.sync.source;

import dev.ficus.events.SourcePosition;
import dev.ficus.sync.decode.RecordDecoder;
import dev.ficus.sync.decode.RowChange;
import dev.ficus.sync.health.SyncState;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The engine's batch callback. It decodes the batch, hands it to the {@link RowBatchHandler} and marks the records
 * processed only after that returned, i.e. after Redis acknowledged the batch's events: the offsets Debezium flushes
 * therefore never cover a change that consumers cannot read. After a crash the engine resumes from the last flushed
 * offset and re-sends at most what was published since (at-least-once; consumers drop the repeats by source
 * position).
 *
 * <p>When it first sees the engine streaming — the snapshot's last row, a streamed row or a heartbeat, after a
 * snapshot or at start — it tells the handler once ({@link RowBatchHandler#streaming}), after the batch's rows: the
 * end-of-snapshot marks then come after every snapshot row on each topic.
 */
public final class EngineBatchConsumer implements DebeziumEngine.ChangeConsumer<RecordChangeEvent<SourceRecord>> {
    private final RowBatchHandler handler;
    private final SnapshotThrottle throttle;
    private final SnapshotProgress progress;
    private final SyncState state;
    /** The handler was told the engine streams, and no snapshot row came since. */
    private boolean streamingTold;

    public EngineBatchConsumer(RowBatchHandler handler, SnapshotThrottle throttle, SnapshotProgress progress,
                               SyncState state) {
        this.handler = handler;
        this.throttle = throttle;
        this.progress = progress;
        this.state = state;
    }

    @Override
    public void handleBatch(List<RecordChangeEvent<SourceRecord>> records,
                            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        List<RowChange> rows = new ArrayList<>(records.size());
        int snapshotRows = 0;
        boolean snapshotEnded = false;
        SourcePosition streamingAt = null;
        for (RecordChangeEvent<SourceRecord> r : records) {
            RowChange row = RecordDecoder.decode(r.record());
            boolean last = RecordDecoder.isLastSnapshotRecord(r.record());
            if (row == null) {
                if (RecordDecoder.isStreamed(r.record())) {
                    streamingAt = RecordDecoder.offsetPosition(r.record());
                }
                continue;
            }
            rows.add(row);
            if (row.isSnapshot()) {
                snapshotRows++;
                // a snapshot (again): its end is marked when streaming starts
                streamingTold = false;
                streamingAt = null;
            } else {
                snapshotEnded = true;
            }
            snapshotEnded |= last;
            if (!row.isSnapshot() || last) {
                streamingAt = row.position();
            }
        }
        if (snapshotRows > 0) {
            state.running(SyncState.Phase.SNAPSHOT);
            throttle.acquire(snapshotRows);
            progress.rows(snapshotRows);
        }
        if (!rows.isEmpty()) {
            handler.handle(rows);
        }
        if (snapshotEnded) {
            progress.finished();
            state.running(SyncState.Phase.STREAMING);
        }
        if (streamingAt != null && !streamingTold) {
            handler.streaming(streamingAt);
            streamingTold = true;
        }
        for (RecordChangeEvent<SourceRecord> r : records) {
            committer.markProcessed(r);
        }
        committer.markBatchFinished();
    }
}
