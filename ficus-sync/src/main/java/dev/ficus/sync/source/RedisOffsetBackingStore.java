package dev.ficus.sync.source;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;

/**
 * Debezium offsets in a Redis hash ({@code sync.offsets.redis_key_prefix}{@code :offsets}): one field per source
 * partition, value the offset JSON. Loaded with HGETALL at start, written with one HSET per flush. A failed write
 * fails that offset commit only; the engine tries again at the next flush, and the offsets on Redis never run ahead
 * of what was published, because only acknowledged records are marked processed.
 */
public class RedisOffsetBackingStore extends MemoryOffsetBackingStore {
    private String url;
    private String key;
    private BlockingRedis redis;

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        Map<String, String> o = config.originalsStrings();
        url = require(o, OffsetStores.OFFSET_PREFIX + OffsetStores.REDIS_URL);
        key = require(o, OffsetStores.OFFSET_PREFIX + OffsetStores.REDIS_KEY);
    }

    @Override
    public synchronized void start() {
        super.start();
        redis = new BlockingRedis(url);
        Response all = redis.send(Request.cmd(Command.HGETALL).arg(key));
        for (int i = 0; all != null && i + 1 < all.size(); i += 2) {
            data.put(bytes(all.get(i).toString()), bytes(all.get(i + 1).toString()));
        }
    }

    @Override
    public synchronized void stop() {
        super.stop();
        if (redis != null) {
            redis.close();
        }
    }

    @Override
    protected void save() {
        Request hset = Request.cmd(Command.HSET).arg(key);
        List<String> gone = new ArrayList<>();
        int fields = 0;
        for (Map.Entry<ByteBuffer, ByteBuffer> e : data.entrySet()) {
            if (e.getValue() == null) {
                gone.add(text(e.getKey()));
            } else {
                hset.arg(text(e.getKey())).arg(text(e.getValue()));
                fields++;
            }
        }
        if (fields > 0) {
            redis.send(hset);
        }
        if (!gone.isEmpty()) {
            Request hdel = Request.cmd(Command.HDEL).arg(key);
            gone.forEach(hdel::arg);
            redis.send(hdel);
        }
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        // only Kafka Connect's REST offsets API asks for this; the embedded engine does not
        return Set.of();
    }

    static String require(Map<String, String> config, String key) {
        String v = config.get(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("missing engine property " + key);
        }
        return v;
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ByteBuffer b) {
        ByteBuffer dup = b.duplicate();
        byte[] out = new byte[dup.remaining()];
        dup.get(out);
        return new String(out, StandardCharsets.UTF_8);
    }
}
