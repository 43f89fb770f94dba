package dev.ficus.sync;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.core.failure.Backoff;
import dev.ficus.core.http.HealthEndpoints;
import dev.ficus.core.metrics.Metrics;
import dev.ficus.core.stream.RedisClients;
import dev.ficus.sync.cascade.CascadeFollower;
import dev.ficus.sync.cascade.ChildIndex;
import dev.ficus.sync.config.SyncConfig;
import dev.ficus.sync.dependency.Dependencies;
import dev.ficus.sync.eav.AttributeCatalog;
import dev.ficus.sync.eav.Reads;
import dev.ficus.sync.extract.Extractor;
import dev.ficus.sync.extract.MagentoConnections;
import dev.ficus.sync.handler.DomainHandler;
import dev.ficus.sync.handler.Handlers;
import dev.ficus.sync.health.SyncState;
import dev.ficus.sync.idmap.IdMap;
import dev.ficus.sync.idmap.IdMapSchema;
import dev.ficus.sync.metrics.SyncMetrics;
import dev.ficus.sync.pipeline.BatchProcessor;
import dev.ficus.sync.publish.TopicPublisher;
import dev.ficus.sync.source.ConnectorProperties;
import dev.ficus.sync.source.EngineBatchConsumer;
import dev.ficus.sync.source.EngineRunner;
import dev.ficus.sync.source.Leases;
import dev.ficus.sync.source.SnapshotProgress;
import dev.ficus.sync.source.SnapshotThrottle;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.Redis;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sync process: Magento's binlog (Debezium) → handlers → id map → migration topics on Redis, plus
 * {@code /health/live}, {@code /health/ready} and {@code /metrics} on {@code sync.http.port} (default
 * {@value SyncConfig#DEFAULT_HTTP_PORT}; 0 picks a free port, see {@link #port()}).
 *
 * <p>{@code ficus sync} runs one of these alone; {@code ficus dev} runs it beside the other components.
 * Ready means: the engine runs (snapshot or streaming) and the pipeline is not waiting for Redis, PostgreSQL or
 * MariaDB. A sync whose lease another process holds stands by (phase {@code standby}, not ready) and takes over when
 * the lease comes free.
 */
public final class SyncService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyncService.class);
    /** The CloudEvent {@code source} of every event the sync publishes. */
    public static final String EVENT_SOURCE = "ficus-sync";

    private final Vertx vertx;
    private final HikariDataSource magentoDb;
    private final HikariDataSource platformDb;
    private final Redis redis;
    private final EngineRunner engine;
    private final HttpServer http;
    private final SyncState state;
    private final ConnectorProperties connector;

    private SyncService(Vertx vertx, HikariDataSource magentoDb, HikariDataSource platformDb, Redis redis,
                        EngineRunner engine, HttpServer http, SyncState state, ConnectorProperties connector) {
        this.vertx = vertx;
        this.magentoDb = magentoDb;
        this.platformDb = platformDb;
        this.redis = redis;
        this.engine = engine;
        this.http = http;
        this.state = state;
        this.connector = connector;
    }

    public static SyncService start(SyncConfig sync, MagentoConfig magento, PlatformConfig platform) throws Exception {
        return start(sync, magento, platform, System.getenv());
    }

    /** As {@link #start(SyncConfig, MagentoConfig, PlatformConfig)}, with the environment the connector file reads. */
    public static SyncService start(SyncConfig sync, MagentoConfig magento, PlatformConfig platform,
                                    Map<String, String> env) throws Exception {
        AttributeCatalog attributes = new AttributeCatalog();
        List<DomainHandler> handlers = Handlers.all(attributes);
        List<String> snapshotTables = Handlers.snapshotTables(handlers, sync.tables());
        ConnectorProperties connector = ConnectorProperties.build(sync, magento.database(), platform, snapshotTables,
                env);
        connector.warnings().forEach(w -> LOG.warn("{}", w));
        LOG.info("effective connector configuration:\n{}", format(connector.masked()));

        Vertx vertx = Vertx.vertx();
        HikariDataSource magentoDb = null;
        HikariDataSource platformDb = null;
        Redis redis = null;
        EngineRunner engine = null;
        try {
            SyncState state = new SyncState();
            PrometheusMeterRegistry registry = Metrics.newRegistry("sync");
            SyncMetrics metrics = new SyncMetrics(registry);
            metrics.deadLetterTables(sync.tables());
            Backoff backoff = new Backoff(sync.retryBackoff(), sync.retryMaxBackoff());

            magentoDb = MagentoConnections.pool("sync-magento", magento.database(), sync.extractionReads(),
                    sync.lockWaitSeconds(), 2);
            platformDb = platformPool(platform.postgres());
            IdMapSchema.ensure(platformDb);
            ChildIndex childIndex = new ChildIndex(platformDb);
            childIndex.ensureSchema();
            redis = RedisClients.create(vertx, platform.redis(), 4);

            Dependencies deps = new Dependencies(magentoDb, state, metrics, backoff,
                    state::engineStopping);
            Extractor extractor = new Extractor(deps, metrics, backoff, sync.retryAttempts(), sync.extractionReads());
            BatchProcessor processor = new BatchProcessor(handlers, deps, extractor,
                    new IdMap(platformDb, sync.idCacheSize()),
                    TopicPublisher.onRedis(redis, sync.streamMaxLen(), EVENT_SOURCE, Duration.ofSeconds(10)), metrics,
                    state, new CascadeFollower(sync.tables(), Handlers.cascadesToFollow(handlers), childIndex, deps));
            SnapshotThrottle throttle = new SnapshotThrottle(sync.snapshotMaxRowsPerSecond());
            SnapshotProgress progress = new SnapshotProgress(magentoDb, magento.database().database(), snapshotTables,
                    throttle, metrics, sync.progressInterval());
            engine = new EngineRunner(connector.toProperties(),
                    new EngineBatchConsumer(processor, throttle, progress, state), state, backoff,
                    Leases.of(sync, platform), sync.leaseTtl());

            Router router = Router.router(vertx);
            HealthEndpoints.mount(router, () -> Future.succeededFuture(readiness(state, progress)), registry);
            HttpServer http = vertx.createHttpServer().requestHandler(router).listen(sync.httpPort(), sync.httpHost())
                    .await(30, TimeUnit.SECONDS);
            engine.start();
            LOG.info("sync started: {} on {}:{}/{} → {}; health and metrics on {}:{}", sync.connector()
                            .name().toLowerCase(Locale.ROOT), magento.database().host(),
                    magento.database().port(), magento.database().database(), platform.redis().display(),
                    sync.httpHost(), http.actualPort());
            return new SyncService(vertx, magentoDb, platformDb, redis, engine, http, state, connector);
        } catch (Exception | Error e) {
            if (engine != null) {
                engine.close();
            }
            if (redis != null) {
                redis.close();
            }
            closeQuietly(magentoDb);
            closeQuietly(platformDb);
            vertx.close();
            throw e;
        }
    }

    private static HealthEndpoints.Readiness readiness(SyncState state, SnapshotProgress progress) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("phase", state.phase().name().toLowerCase(Locale.ROOT));
        if (state.waitingFor() != null) {
            details.put("waiting_for", state.waitingFor());
        }
        if (state.lastBatchAtMs() > 0) {
            details.put("last_batch_ms_ago", System.currentTimeMillis() - state.lastBatchAtMs());
        }
        if (progress.done() > 0) {
            details.put("snapshot_rows", progress.done());
        }
        if (state.lastError() != null) {
            details.put("last_engine_error", state.lastError());
        }
        return state.ready() ? HealthEndpoints.Readiness.ok(details) : HealthEndpoints.Readiness.notReady(details);
    }

    private static HikariDataSource platformPool(DatabaseEndpoint db) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("sync-platform");
        c.setJdbcUrl(db.postgresJdbcUrl());
        c.setUsername(db.user());
        c.setPassword(db.password().reveal());
        c.setMaximumPoolSize(2);
        c.setMinimumIdle(1);
        c.setConnectionTimeout(5_000);
        c.setInitializationFailTimeout(-1);
        return new HikariDataSource(c);
    }

    /** The port /health and /metrics listen on (the real one when 0 was asked for). */
    public int port() {
        return http.actualPort();
    }

    public SyncState state() {
        return state;
    }

    /** The engine properties in effect, secrets masked. */
    public Map<String, String> effectiveConnectorConfig() {
        return connector.masked();
    }

    @Override
    public void close() {
        engine.close();
        try {
            http.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("closing the HTTP server: {}", e.getMessage());
        }
        redis.close();
        closeQuietly(magentoDb);
        closeQuietly(platformDb);
        try {
            vertx.close().await(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debug("closing Vert.x: {}", e.getMessage());
        }
        LOG.info("sync stopped");
    }

    private static void closeQuietly(HikariDataSource ds) {
        if (ds != null) {
            ds.close();
        }
    }

    private static String format(Map<String, String> props) {
        StringBuilder sb = new StringBuilder();
        props.forEach((k, v) -> sb.append("  ").append(k).append(" = ").append(v).append('\n'));
        return sb.toString();
    }
}
