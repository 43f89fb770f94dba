package dev.ficus.magento.rest;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.http.HealthEndpoints;
import dev.ficus.core.metrics.Metrics;
import dev.ficus.magento.api.error.MagentoError;
import dev.ficus.magento.api.request.PhpUrlDecoding;
import dev.ficus.magento.auth.JwtTokens;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.sql.Connection;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Magento stand-in: Magento 2.4's REST subset on a Magento database, for {@code ficus dev} and for tests.
 * {@link #start} returns once the port is bound; {@link #close} stops the server, the event loop and the pool.
 */
public final class MagentoStandIn implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MagentoStandIn.class);
    private static final long BODY_LIMIT = 10L * 1024 * 1024;

    private final Vertx vertx;
    private final HttpServer server;
    private final HikariDataSource dataSource;
    private final String host;

    private MagentoStandIn(Vertx vertx, HttpServer server, HikariDataSource dataSource, String host) {
        this.vertx = vertx;
        this.server = server;
        this.dataSource = dataSource;
        this.host = host;
    }

    public static MagentoStandIn start(MagentoStandInConfig config, DatabaseEndpoint database) {
        HikariDataSource dataSource = dataSource(config, database);
        Vertx vertx = Vertx.vertx();
        try {
            PrometheusMeterRegistry registry = Metrics.newRegistry("magento-standin");
            StandInServices services = StandInServices.create(config, new JwtTokens(config.tokenKey(), Clock.systemUTC()));
            RestDispatcher dispatcher = new RestDispatcher(vertx, dataSource, services, registry);
            Router router = Router.router(vertx);
            // Magento reads the raw path and query as PHP does; a route with a path would make Vert.x decode them
            // first (refusing a "%" without hex digits with an error in the log), so /rest is recognised here
            BodyHandler body = BodyHandler.create().setBodyLimit(BODY_LIMIT);
            router.route().handler(ctx -> {
                if (RestDispatcher.isRest(ctx.request().path())) {
                    body.handle(ctx);
                } else if (PhpUrlDecoding.keepsAPercentSign(ctx.request().path())) {
                    routeNotFound(ctx.response());
                } else {
                    ctx.next();
                }
            });
            router.route().handler(ctx -> {
                if (RestDispatcher.isRest(ctx.request().path())) {
                    dispatcher.handle(ctx);
                } else {
                    ctx.next();
                }
            });
            HealthEndpoints.mount(router, () -> readiness(vertx, dataSource), registry);
            router.route().last().handler(ctx -> routeNotFound(ctx.response()));
            HttpServer server = vertx.createHttpServer().requestHandler(req -> {
                        // a target that is not a path ("*") names no route; Vert.x's router would log an error
                        if (req.path() == null || !req.path().startsWith("/")) {
                            routeNotFound(req.response());
                        } else {
                            router.handle(req);
                        }
                    })
                    .listen(config.port(), config.host()).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            LOG.info("Magento stand-in listening on http://{}:{}/rest (database {}:{}/{})", config.host(),
                    server.actualPort(), database.host(), database.port(), database.database());
            return new MagentoStandIn(vertx, server, dataSource, config.host());
        } catch (Exception e) {
            vertx.close();
            dataSource.close();
            throw new IllegalStateException("Magento stand-in could not start on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
    }

    private static void routeNotFound(HttpServerResponse response) {
        response.setStatusCode(404).putHeader("Content-Type", "application/json; charset=utf-8")
                .end(MagentoError.routeNotFound().body());
    }

    /** The bound port (the real one when the configuration asked for 0). */
    public int port() {
        return server.actualPort();
    }

    /** {@code http://host:port}, the value for {@code magento.base_url}. */
    public String baseUrl() {
        return "http://" + host + ":" + port();
    }

    /** The pool on the shop's database, for callers that want Magento's write paths without HTTP. */
    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("stand-in HTTP server did not close cleanly: {}", e.toString());
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("stand-in event loop did not close cleanly: {}", e.toString());
        }
        dataSource.close();
    }

    private static Future<HealthEndpoints.Readiness> readiness(Vertx vertx, DataSource dataSource) {
        return vertx.executeBlocking(() -> {
            try (Connection c = dataSource.getConnection()) {
                boolean ok = c.isValid(2);
                return ok ? HealthEndpoints.Readiness.ok(Map.of("database", "UP"))
                        : HealthEndpoints.Readiness.notReady(Map.of("database", "DOWN"));
            }
        }, false);
    }

    private static HikariDataSource dataSource(MagentoStandInConfig config, DatabaseEndpoint database) {
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("magento-standin");
        hc.setJdbcUrl(database.mariadbJdbcUrl());
        hc.setUsername(database.user());
        hc.setPassword(database.password().reveal());
        hc.setMaximumPoolSize(config.poolSize());
        hc.setMinimumIdle(1);
        // as Magento's PDO adapter: TIMESTAMP columns hold UTC
        hc.setConnectionInitSql("SET time_zone = '+00:00'");
        hc.setInitializationFailTimeout(10_000);
        return new HikariDataSource(hc);
    }
}
