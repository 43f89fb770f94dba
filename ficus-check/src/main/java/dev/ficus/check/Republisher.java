package dev.ficus.check;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.core.failure.Backoff;
import dev.ficus.core.stream.RedisClients;
import dev.ficus.events.SourcePosition;
import dev.ficus.sync.SyncService;
import dev.ficus.sync.config.SyncConfig;
import dev.ficus.sync.cascade.CascadeFollower;
import dev.ficus.sync.decode.RowChange;
import dev.ficus.sync.dependency.Dependencies;
import dev.ficus.sync.eav.AttributeCatalog;
import dev.ficus.sync.extract.Extractor;
import dev.ficus.sync.extract.MagentoConnections;
import dev.ficus.sync.handler.Handlers;
import dev.ficus.sync.health.SyncState;
import dev.ficus.sync.idmap.IdMap;
import dev.ficus.sync.metrics.SyncMetrics;
import dev.ficus.sync.pipeline.BatchProcessor;
import dev.ficus.sync.publish.TopicPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Re-publishes entities through the sync's own path: its batch processor (extract with the configured reads, id map,
 * one CloudEvent per entity on the migration topics, dead letters for what cannot be extracted) fed with one row
 * change per entity, as if the binlog had announced a change of each. The events carry Magento's binlog position at
 * the time of the repair: the state read after it is at least that new, so the read models' version guard applies it
 * over anything older and a later change of the entity, streamed by the sync, still wins over it.
 */
public final class Republisher implements AutoCloseable {
    private final HikariDataSource magentoDb;
    private final HikariDataSource platformDb;
    private final Vertx vertx;
    private final Redis redis;
    private final BatchProcessor processor;

    private Republisher(HikariDataSource magentoDb, HikariDataSource platformDb, Vertx vertx, Redis redis,
                        BatchProcessor processor) {
        this.magentoDb = magentoDb;
        this.platformDb = platformDb;
        this.vertx = vertx;
        this.redis = redis;
        this.processor = processor;
    }

    public static Republisher open(DatabaseEndpoint magento, PlatformConfig platform, SyncConfig sync) {
        HikariDataSource m = MagentoConnections.pool("check-repair-magento", magento, sync.extractionReads(),
                sync.lockWaitSeconds(), 1);
        HikariDataSource p = platformPool(platform.postgres());
        Vertx vertx = Vertx.vertx();
        Redis redis = RedisClients.create(vertx, platform.redis(), 1);
        SyncState state = new SyncState();
        SyncMetrics metrics = new SyncMetrics(new SimpleMeterRegistry());
        Backoff backoff = new Backoff(sync.retryBackoff(), sync.retryMaxBackoff());
        // a dependency that stays down fails the repair after about a minute instead of holding the command forever
        long giveUpAt = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        Dependencies deps = new Dependencies(m, state, metrics, backoff, () -> System.nanoTime() > giveUpAt);
        BatchProcessor processor = new BatchProcessor(Handlers.all(new AttributeCatalog()), deps,
                new Extractor(deps, metrics, backoff, sync.retryAttempts(), sync.extractionReads()),
                new IdMap(p, sync.idCacheSize()),
                TopicPublisher.onRedis(redis, sync.streamMaxLen(), SyncService.EVENT_SOURCE, Duration.ofSeconds(10)),
                metrics, state, CascadeFollower.none());
        return new Republisher(m, p, vertx, redis, processor);
    }

    /** Publishes the current state (or the delete) of each entity; returns the events and dead letters sent. */
    public BatchProcessor.Result republish(List<EntityResult> entities) throws SQLException, InterruptedException {
        SourcePosition at = binlogPosition();
        List<RowChange> rows = new ArrayList<>();
        for (EntityResult r : entities) {
            Target t = r.target();
            rows.add(new RowChange(t.magentoTable(), RowChange.Kind.UPDATE, null,
                    Map.of(t.magentoKey(), r.magentoId()), at));
        }
        return processor.process(rows);
    }

    /** Where Magento's binlog ends now (MySQL 8.4 knows only the newer statement). */
    private SourcePosition binlogPosition() throws SQLException {
        SQLException failed = null;
        for (String sql : List.of("SHOW MASTER STATUS", "SHOW BINARY LOG STATUS")) {
            try (Connection c = magentoDb.getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(sql)) {
                if (!rs.next()) {
                    throw new SQLException("Magento's server has no binlog (" + sql + " is empty): nothing to repair "
                            + "from");
                }
                return new SourcePosition(rs.getString(1), rs.getLong(2), 0, 0, null, System.currentTimeMillis(),
                        false);
            } catch (SQLException e) {
                if (failed == null) {
                    failed = e;
                } else {
                    failed.addSuppressed(e);
                }
            }
        }
        throw failed;
    }

    private static HikariDataSource platformPool(DatabaseEndpoint db) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("check-repair-platform");
        c.setJdbcUrl(db.postgresJdbcUrl());
        c.setUsername(db.user());
        c.setPassword(db.password().reveal());
        c.setMaximumPoolSize(1);
        c.setMinimumIdle(1);
        c.setConnectionTimeout(5_000);
        return new HikariDataSource(c);
    }

    @Override
    public void close() {
        redis.close();
        magentoDb.close();
        platformDb.close();
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing only: nothing is left to lose
        }
    }
}
