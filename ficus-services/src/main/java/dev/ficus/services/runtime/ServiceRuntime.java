package dev.ficus.services.runtime;

import com.zaxxer.hikari.HikariDataSource;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.http.HealthEndpoints;
import dev.ficus.core.http.HealthEndpoints.Readiness;
import dev.ficus.core.metrics.Metrics;
import dev.ficus.core.stream.RedisStreamConsumer;
import dev.ficus.core.stream.RedisStreamPublisher;
import dev.ficus.services.ServicesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.redis.client.Redis;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running read service: its pool and migrations, its consumer loop, and its HTTP server with the domain's
 * Magento paths, {@code /health/live}, {@code /health/ready} and {@code /metrics}.
 *
 * <p>Ready means: the database answers, the consumer group exists, and the oldest entry this instance still has to
 * apply is at most {@code services.ready.max_lag} old on every topic, and every topic's end-of-snapshot mark has been
 * applied ({@link SnapshotMarks}); with only the last two missing the service is catching up, which is not a failure
 * ({@link ReadinessVerdict}).
 */
public final class ServiceRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceRuntime.class);
    private static final long START_TIMEOUT_SECONDS = 30;
    /** How often the store directory is read back from PostgreSQL: a new store view answers within this. */
    private static final long STORES_REFRESH_MILLIS = 500;

    private final ReadModel model;
    private final ServicesConfig config;
    private final int configuredPort;
    private final Vertx vertx;
    private final HikariDataSource dataSource;
    private final Redis redis;
    private final PrometheusMeterRegistry registry;
    private final ServiceMetrics metrics;
    private final RedisStreamConsumer consumer;
    private final RedisStreamPublisher publisher;
    private final ConsumerLoop loop;
    private final StreamLag lag;
    private final SnapshotMarks marks;
    private final StoreCodes stores = new StoreCodes(StoreDirectory.EMPTY);
    private HttpServer server;
    private long gaugeTimer = -1;
    private long storesTimer = -1;

    private ServiceRuntime(ReadModel model, int port, ServicesConfig config, Vertx vertx,
                           HikariDataSource dataSource, Redis redis, String consumerName, Clock clock) {
        this.model = model;
        this.config = config;
        this.configuredPort = port;
        this.vertx = vertx;
        this.dataSource = dataSource;
        this.redis = redis;
        String group = model.name();
        List<String> topics = model.topics();
        this.registry = Metrics.newRegistry(group);
        this.metrics = new ServiceMetrics(registry, group);
        metrics.deadLetterTopics(topics);
        this.consumer = new RedisStreamConsumer(redis, group, consumerName, topics, false);
        // dead letters are never trimmed: only `ficus dlq drop` removes one
        this.publisher = new RedisStreamPublisher(redis, 0, false);
        BatchApplier applier = new BatchApplier(group, new StoreDirectoryWriter(group, model.writer()), dataSource,
                config.consumer().maxAttempts(), metrics, clock);
        this.marks = new SnapshotMarks(group, topics, dataSource);
        this.loop = new ConsumerLoop(group, topics, consumer, applier, new DeadLetterWriter(publisher, group), marks,
                config.consumer(), metrics, clock);
        this.lag = new StreamLag(redis, group, consumerName);
    }

    /**
     * Migrates the database, starts consuming and listens on the service's port ({@code 0} picks a free one).
     * The Redis client becomes the runtime's: {@link #close()} closes it.
     */
    public static ServiceRuntime start(Vertx vertx, ReadModel model, int port, ServicesConfig config,
                                       DatabaseEndpoint postgres, Redis redis, String consumerName, Clock clock) {
        String name = model.name();
        HikariDataSource dataSource = ReadModelDatabase.pool(postgres, name, config.poolSize());
        ServiceRuntime runtime = null;
        try {
            ReadModelDatabase.migrate(dataSource, model.migrations());
            prepare(model, dataSource);
            runtime = new ServiceRuntime(model, port, config, vertx, dataSource, redis, consumerName, clock);
            runtime.startServing();
            return runtime;
        } catch (RuntimeException e) {
            if (runtime != null) {
                runtime.close();
            } else {
                redis.close();
                dataSource.close();
            }
            throw e;
        }
    }

    private static void prepare(ReadModel model, HikariDataSource dataSource) {
        try {
            model.prepare(dataSource);
        } catch (SQLException e) {
            throw new IllegalStateException(model.name() + ": cannot prepare the read model: " + e.getMessage(), e);
        }
    }

    private void startServing() {
        refreshStores();
        loop.start();
        Router router = Router.router(vertx);
        router.route().handler(new HttpMetricsHandler(metrics));
        // before every route with a path: those make Vert.x decode the path, which must not happen first
        RestRoutes rest = new RestRoutes(stores);
        router.route().handler(rest);
        model.mount(router, new ServiceContext(vertx, dataSource, config, rest));
        HealthEndpoints.mount(router, this::readiness, registry);
        try {
            server = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(configuredPort)
                            .setMaxInitialLineLength(config.http().maxInitialLine())
                            .setMaxHeaderSize(config.http().maxHeaderSize()))
                    .requestHandler(req -> {
                        // Vert.x's router refuses a target that is not a path ("*") with an error in the log
                        if (req.path() == null || !req.path().startsWith("/")) {
                            ServiceContext.send(req.response(), MagentoErrors.noRoute());
                        } else {
                            router.handle(req);
                        }
                    })
                    .listen()
                    .await(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(model.name() + ": cannot listen on " + config.host() + ":"
                    + configuredPort + ": " + e.getMessage(), e);
        }
        long every = Math.max(1000, config.consumer().claimInterval().toMillis());
        gaugeTimer = vertx.setPeriodic(every, id -> measureLag());
        // another instance of the service may have applied the directory's change: read it back rather than be told
        storesTimer = vertx.setPeriodic(STORES_REFRESH_MILLIS, id -> vertx.executeBlocking(() -> {
            refreshStores();
            return null;
        }, false).onFailure(e -> LOG.warn("{}: cannot read the store directory: {}", model.name(), e.getMessage())));
        LOG.info("{} service listening on {}:{}, consuming {}", model.name(), config.host(), port(),
                model.topics());
    }

    /** The port the HTTP server listens on (the chosen one when configured as 0). */
    public int port() {
        return server.actualPort();
    }

    public ReadModel model() {
        return model;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** True when the consumer's last read found nothing new and nothing waits for a retry. */
    public boolean caughtUp() {
        return loop.idle();
    }

    private void refreshStores() {
        try (Connection c = dataSource.getConnection()) {
            stores.replace(StoreDirectoryTable.load(c, model.name()));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(model.name() + ": cannot read the store directory: " + e.getMessage(), e);
        }
    }

    public HikariDataSource dataSource() {
        return dataSource;
    }

    private Future<List<StreamLag.TopicLag>> measureLag() {
        return lag.measure(model.topics()).onSuccess(lags -> lags.forEach(l -> {
            metrics.pending(l.topic(), l.groupPending());
            metrics.lag(l.topic(), l.lagMillis());
        }));
    }

    private Future<Readiness> readiness() {
        Future<Boolean> database = vertx.executeBlocking(() -> {
            try (Connection c = dataSource.getConnection()) {
                boolean valid = c.isValid(2);
                if (valid && !marks.missing().isEmpty()) {
                    // another instance of the service may have applied the mark
                    marks.refresh();
                }
                return valid;
            }
        }, false).recover(e -> Future.succeededFuture(false));
        Future<List<StreamLag.TopicLag>> lags = measureLag();
        return Future.join(database, lags).transform(ar -> Future.succeededFuture(ReadinessVerdict.of(
                database.succeeded() && Boolean.TRUE.equals(database.result()), loop.groupsReady(),
                lags.succeeded() ? lags.result() : null,
                lags.failed() ? String.valueOf(lags.cause().getMessage()) : null, marks.missing(),
                config.readyMaxLag().toMillis())));
    }

    /** Stops serving, finishes the batch in hand (committed and acknowledged), then releases everything. */
    @Override
    public void close() {
        if (gaugeTimer >= 0) {
            vertx.cancelTimer(gaugeTimer);
        }
        if (storesTimer >= 0) {
            vertx.cancelTimer(storesTimer);
        }
        if (server != null) {
            try {
                server.close().await(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.warn("{}: HTTP server did not close cleanly: {}", model.name(), e.getMessage());
            }
        }
        loop.close();
        model.close();
        consumer.close();
        publisher.close();
        redis.close();
        dataSource.close();
        registry.close();
    }
}
