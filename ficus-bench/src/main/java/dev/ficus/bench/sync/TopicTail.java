package dev.ficus.bench.sync;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ficus.core.config.RedisEndpoint;
import dev.ficus.core.stream.RedisStreamPublisher;
import dev.ficus.devstack.redis.RespClient;
import dev.ficus.events.ChangeEvent;
import dev.ficus.events.CloudEventCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Reads a migration topic the way a consumer does, with blocking XREAD from a plain connection, and takes the time
 * each reply arrived as the time its events were published: XREAD returns as soon as XADD added an entry.
 */
final class TopicTail extends MarkerTail {
    private static final String BLOCK_MS = "500";

    private final RespClient redis;
    private final String topic;
    private final Thread reader;
    private volatile boolean closed;
    private volatile Exception failed;
    private String lastId;

    TopicTail(RedisEndpoint endpoint, String topic) throws IOException {
        this.redis = RespClient.connect(endpoint, Duration.ofSeconds(10));
        this.topic = topic;
        this.lastId = lastEntryId(redis, topic);
        this.reader = new Thread(this::readLoop, "bench-sync-xread");
        reader.setDaemon(true);
        reader.start();
    }

    /** The id of the topic's newest entry, or {@code 0-0} when it is empty: reading starts after it. */
    static String lastEntryId(RespClient redis, String topic) throws IOException {
        Object reply = redis.command("XREVRANGE", topic, "+", "-", "COUNT", "1");
        if (reply instanceof List<?> entries && !entries.isEmpty()) {
            return (String) ((List<?>) entries.get(0)).get(0);
        }
        return "0-0";
    }

    private void readLoop() {
        try {
            while (!closed) {
                Object reply = redis.command("XREAD", "COUNT", "1000", "BLOCK", BLOCK_MS, "STREAMS", topic, lastId);
                long now = System.nanoTime();
                if (reply instanceof List<?> streams) {
                    for (Object stream : streams) {
                        for (Object entry : (List<?>) ((List<?>) stream).get(1)) {
                            List<?> e = (List<?>) entry;
                            lastId = (String) e.get(0);
                            handle((List<?>) e.get(1), now);
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                failed = e;
            }
        }
    }

    private void handle(List<?> fields, long nanos) {
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            if (RedisStreamPublisher.DATA_FIELD.equals(fields.get(i))
                    && !CloudEventCodec.isSnapshotMark((String) fields.get(i + 1))) {
                ChangeEvent event = CloudEventCodec.decode((String) fields.get(i + 1));
                JsonNode price = event.record().path("attributes").path("price");
                if (price.isNumber()) {
                    seen(price.decimalValue(), nanos);
                } else if (price.isTextual()) {
                    seen(new BigDecimal(price.asText()), nanos);
                }
            }
        }
    }

    @Override
    void failure() {
        if (failed != null) {
            throw new IllegalStateException("reading " + topic + " failed: " + failed.getMessage(), failed);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            redis.close();
        } catch (IOException e) {
            // the reader thread ends on the closed socket
        }
        try {
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
