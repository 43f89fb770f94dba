package dev.ficus.core.stream;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link EventPublisher} on Redis Streams, written the way Dapr's Redis pub/sub writes: {@code XADD <topic> MAXLEN ~
 * <maxLen> * data <cloudevent-json>}. A batch is sent as one pipeline (one round trip). Streams are capped because
 * acknowledged entries are never deleted by consumers; {@code ~} lets Redis trim whole nodes cheaply.
 */
public final class RedisStreamPublisher implements EventPublisher {
    /**
     * The one field of a stream entry; it holds the payload (a CloudEvent JSON), as Dapr writes it. The transport
     * never looks inside the payload, so it needs no event codec.
     */
    public static final String DATA_FIELD = "data";

    private final Redis redis;
    private final long maxLen;
    private final boolean ownsClient;

    /**
     * @param redis      the client to send with
     * @param maxLen     approximate cap of each stream (entries); 0 means uncapped
     * @param ownsClient whether {@link #close()} closes the client
     */
    public RedisStreamPublisher(Redis redis, long maxLen, boolean ownsClient) {
        this.redis = redis;
        this.maxLen = maxLen;
        this.ownsClient = ownsClient;
    }

    @Override
    public Future<Void> publish(List<StreamMessage> messages) {
        if (messages.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Request> requests = new ArrayList<>(messages.size());
        for (StreamMessage m : messages) {
            Request xadd = Request.cmd(Command.XADD).arg(m.topic());
            if (maxLen > 0) {
                xadd.arg("MAXLEN").arg("~").arg(maxLen);
            }
            requests.add(xadd.arg("*").arg(DATA_FIELD).arg(m.data()));
        }
        return redis.batch(requests).mapEmpty();
    }

    @Override
    public void close() {
        if (ownsClient) {
            redis.close();
        }
    }
}
