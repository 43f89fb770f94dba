package dev.ficus.sync.source;

import io.debezium.config.Configuration;
import io.debezium.document.DocumentReader;
import io.debezium.document.DocumentWriter;
import io.debezium.relational.history.AbstractSchemaHistory;
import io.debezium.relational.history.HistoryRecord;
import io.debezium.relational.history.HistoryRecordComparator;
import io.debezium.relational.history.SchemaHistoryException;
import io.debezium.relational.history.SchemaHistoryListener;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Debezium's schema history in a Redis list ({@code <prefix>:history}), one JSON document per DDL, appended with
 * RPUSH and replayed in order at start. Redis must keep it: run it with persistence and {@code noeviction}, because
 * a lost history is the same failure as a deleted Kafka history topic (the connector refuses to stream).
 */
public class RedisSchemaHistory extends AbstractSchemaHistory {
    private final DocumentWriter writer = DocumentWriter.defaultWriter();
    private final DocumentReader reader = DocumentReader.defaultReader();
    private String url;
    private String key;
    private BlockingRedis redis;

    @Override
    public void configure(Configuration config, HistoryRecordComparator comparator, SchemaHistoryListener listener,
                          boolean useCatalogBeforeSchema) {
        super.configure(config, comparator, listener, useCatalogBeforeSchema);
        url = config.getString(OffsetStores.HISTORY_PREFIX + OffsetStores.REDIS_URL);
        key = config.getString(OffsetStores.HISTORY_PREFIX + OffsetStores.REDIS_KEY);
        if (url == null || key == null) {
            throw new SchemaHistoryException("RedisSchemaHistory needs " + OffsetStores.HISTORY_PREFIX
                    + OffsetStores.REDIS_URL + " and " + OffsetStores.HISTORY_PREFIX + OffsetStores.REDIS_KEY);
        }
    }

    @Override
    public synchronized void start() {
        super.start();
        if (redis == null) {
            redis = new BlockingRedis(url);
        }
    }

    @Override
    public synchronized void stop() {
        super.stop();
        if (redis != null) {
            redis.close();
            redis = null;
        }
    }

    @Override
    protected void storeRecord(HistoryRecord record) throws SchemaHistoryException {
        try {
            redis.send(Request.cmd(Command.RPUSH).arg(key).arg(writer.write(record.document())));
        } catch (IOException | RuntimeException e) {
            throw new SchemaHistoryException("cannot append to schema history " + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void recoverRecords(Consumer<HistoryRecord> records) {
        Response all = redis.send(Request.cmd(Command.LRANGE).arg(key).arg(0).arg(-1));
        for (Response item : all) {
            try {
                records.accept(new HistoryRecord(reader.read(item.toString())));
            } catch (IOException e) {
                throw new SchemaHistoryException("unreadable schema history entry in " + key, e);
            }
        }
    }

    @Override
    public boolean exists() {
        Response len = redis.send(Request.cmd(Command.LLEN).arg(key));
        return len != null && len.toLong() > 0;
    }

    @Override
    public boolean storageExists() {
        return true;
    }

    @Override
    public String toString() {
        return "Redis list " + key;
    }
}
