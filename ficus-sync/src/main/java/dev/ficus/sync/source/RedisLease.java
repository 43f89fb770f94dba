package dev.ficus.sync.source;

import io.vertx.redis.client.Command;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import java.time.Duration;

/**
 * The lease for Redis offsets: a key holding the owner's id with a time to live ({@code SET NX PX}), renewed only by
 * its owner (a compare-and-expire script). If the holder dies, the key expires and a standby takes it.
 */
final class RedisLease implements Lease {
    private static final String RENEW = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";
    private static final String RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then "
            + "return redis.call('del', KEYS[1]) else return 0 end";

    private final BlockingRedis redis;
    private final String key;
    private final String owner;
    private final long ttlMs;
    private boolean held;

    RedisLease(String url, String key, String owner, Duration ttl) {
        this.redis = new BlockingRedis(url);
        this.key = key;
        this.owner = owner;
        this.ttlMs = ttl.toMillis();
    }

    @Override
    public synchronized boolean holdOrTake() {
        try {
            if (held) {
                Response r = redis.send(Request.cmd(Command.EVAL).arg(RENEW).arg(1).arg(key).arg(owner).arg(ttlMs));
                held = r != null && r.toLong() == 1;
            }
            if (!held) {
                Response r = redis.send(Request.cmd(Command.SET).arg(key).arg(owner).arg("NX").arg("PX").arg(ttlMs));
                held = r != null && "OK".equals(r.toString());
            }
            return held;
        } catch (RuntimeException e) {
            // unreachable: the caller decides from how long ago the last renewal succeeded
            throw new IllegalStateException("cannot reach Redis for the lease: " + e.getMessage(), e);
        }
    }

    @Override
    public String holder() {
        try {
            Response r = redis.send(Request.cmd(Command.GET).arg(key));
            return r == null ? null : r.toString();
        } catch (RuntimeException e) {
            return null;
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (held) {
                redis.send(Request.cmd(Command.EVAL).arg(RELEASE).arg(1).arg(key).arg(owner));
            }
        } catch (RuntimeException ignored) {
            // it expires by itself
        } finally {
            held = false;
            redis.close();
        }
    }
}
