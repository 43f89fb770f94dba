package dev.ficus.bench.sync;

import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.sync.config.SyncConfig;
import dev.ficus.sync.source.ConnectorProperties;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Debezium's embedded engine alone, for the baselines: built from the connector properties the sync derives from the
 * same configuration (connector, poll interval, batch size, offsets), handing each batch with the time it arrived to
 * a handler and doing nothing else.
 */
final class DebeziumRun implements AutoCloseable {

    /** Gets each batch the engine hands over, with {@link System#nanoTime()} at its arrival. */
    interface BatchHandler {
        void handle(List<SourceRecord> records, long nanos);
    }

    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-sync-debezium");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<String> failed = new AtomicReference<>();

    DebeziumRun(LoadedConfig config, BatchHandler handler) {
        ConnectorProperties properties = ConnectorProperties.build(config.get(SyncConfig.SECTION),
                config.get(MagentoConfig.SECTION).database(), config.get(PlatformConfig.SECTION), List.of(), Map.of());
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(properties.toProperties())
                .notifying((records, committer) -> {
                    long now = System.nanoTime();
                    List<SourceRecord> batch = new ArrayList<>(records.size());
                    for (RecordChangeEvent<SourceRecord> r : records) {
                        batch.add(r.record());
                    }
                    handler.handle(batch, now);
                    for (RecordChangeEvent<SourceRecord> r : records) {
                        committer.markProcessed(r);
                    }
                    committer.markBatchFinished();
                })
                .using((success, message, error) -> {
                    if (!success) {
                        failed.set(message + (error == null ? "" : ": " + error.getMessage()));
                    }
                })
                .build();
        runner.execute(engine);
    }

    /** Throws when the engine stopped with an error. */
    void failure() {
        if (failed.get() != null) {
            throw new IllegalStateException("the baseline Debezium engine stopped: " + failed.get());
        }
    }

    @Override
    public void close() {
        try {
            engine.close();
        } catch (Exception e) {
            // the engine is being discarded; its offsets are the bench's own temporary files
        }
        runner.shutdown();
        try {
            runner.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
