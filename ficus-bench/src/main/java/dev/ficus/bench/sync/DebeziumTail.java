package dev.ficus.bench.sync;

import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.sync.SyncConfig;
import dev.ficus.sync.source.ConnectorProperties;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The baseline: Debezium's embedded engine alone, built from the same connector properties the sync derives (same
 * connector, poll interval, batch size), capturing only the table the load writes, with no snapshot. A change counts
 * as seen when the engine hands its batch over: what is left after that (extraction, id map, XADD, the consumer's
 * XREAD) is what the sync adds.
 */
final class DebeziumTail extends MarkerTail {
    private final DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "bench-sync-debezium");
        t.setDaemon(true);
        return t;
    });
    private final AtomicReference<String> failed = new AtomicReference<>();

    DebeziumTail(LoadedConfig config) {
        ConnectorProperties properties = ConnectorProperties.build(config.get(SyncConfig.SECTION),
                config.get(MagentoConfig.SECTION).database(), config.get(PlatformConfig.SECTION), Map.of());
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(properties.toProperties())
                .notifying((records, committer) -> {
                    long now = System.nanoTime();
                    for (RecordChangeEvent<SourceRecord> r : records) {
                        if (r.record().value() instanceof Struct value && value.schema().field("after") != null
                                && value.getStruct("after") != null) {
                            Object price = value.getStruct("after").get("value");
                            if (price != null) {
                                seen(new BigDecimal(price.toString()), now);
                            }
                        }
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

    @Override
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
