package dev.ficus.bench.sync;

import dev.ficus.core.config.LoadedConfig;
import java.math.BigDecimal;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * The latency baseline: Debezium alone capturing only the table the load writes, with no snapshot. A change counts
 * as seen when the engine hands its batch over: what is left after that (extraction, id map, XADD, the consumer's
 * XREAD) is what the sync adds.
 */
final class DebeziumTail extends MarkerTail {
    private final DebeziumRun run;

    DebeziumTail(LoadedConfig config) {
        run = new DebeziumRun(config, (records, nanos) -> {
            for (SourceRecord r : records) {
                if (r.value() instanceof Struct value && value.schema().field("after") != null
                        && value.getStruct("after") != null) {
                    Object price = value.getStruct("after").get("value");
                    if (price != null) {
                        seen(new BigDecimal(price.toString()), nanos);
                    }
                }
            }
        });
    }

    @Override
    void failure() {
        run.failure();
    }

    @Override
    public void close() {
        run.close();
    }
}
