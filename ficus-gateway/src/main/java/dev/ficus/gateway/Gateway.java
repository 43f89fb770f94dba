package dev.ficus.gateway;

import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.http.HealthEndpoints;
import dev.ficus.core.http.ServerVertx;
import dev.ficus.core.metrics.Metrics;
import dev.ficus.events.Domain;
import dev.ficus.gateway.admin.AdminApi;
import dev.ficus.gateway.admin.AdminPage;
import dev.ficus.gateway.admin.TrafficHistory;
import dev.ficus.gateway.auth.AccessPolicy;
import dev.ficus.gateway.auth.TokenVerifier;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.gateway.config.Upstream;
import dev.ficus.gateway.edge.ConnectionGuard;
import dev.ficus.gateway.edge.EdgeLog;
import dev.ficus.gateway.edge.RejectedRequest;
import dev.ficus.gateway.flag.FlagStore;
import dev.ficus.gateway.flag.FlagStores;
import dev.ficus.gateway.flag.FlagWatcher;
import dev.ficus.gateway.flag.FlagWriter;
import dev.ficus.gateway.flag.Flags;
import dev.ficus.gateway.health.AutoDisabler;
import dev.ficus.gateway.health.HealthMonitor;
import dev.ficus.gateway.health.ServiceHealth;
import dev.ficus.gateway.health.WebhookAlerts;
import dev.ficus.gateway.metrics.GatewayMetrics;
import dev.ficus.gateway.proxy.GatewayErrors;
import dev.ficus.gateway.proxy.Headers;
import dev.ficus.gateway.proxy.ProxyHandler;
import dev.ficus.gateway.route.RouteTable;
import dev.ficus.gateway.shadow.JsonComparator;
import dev.ficus.gateway.shadow.ShadowReader;
import dev.ficus.gateway.shadow.ShadowRecorder;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway process: {@link #start} wires the stages (routes, flags, health, auth, proxy, shadow, admin API,
 * metrics), binds its two ports and returns once the flags have been read and every service probed once. The shop's
 * port serves Magento's paths and nothing else; metrics, health, the admin API and the admin page are on the
 * management port, which the shop's clients never reach.
 */
public final class Gateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /**
     * Connections to Magento and to each service: the proxied requests' split across the event loops, and as many
     * again for the gateway's own calls (token checks, probes, shadow reads, alerts).
     */
    private static final int MAGENTO_CONNECTIONS = 200;
    private static final int SERVICE_CONNECTIONS = 100;

    private final Vertx vertx;
    private final List<AutoCloseable> parts;
    private final PrometheusMeterRegistry registry;
    private final int port;
    private final int managementPort;

    private Gateway(Vertx vertx, List<AutoCloseable> parts, PrometheusMeterRegistry registry, int port,
                    int managementPort) {
        this.vertx = vertx;
        this.parts = parts;
        this.registry = registry;
        this.port = port;
        this.managementPort = managementPort;
    }

    /**
     * Starts the gateway and blocks until it listens (call it from a plain thread, not a Vert.x event loop). Throws
     * when the port cannot be bound; an unreadable flag store or a service that is down does not stop it.
     */
    public static Gateway start(GatewayConfig config, MagentoConfig magento) {
        return start(config, magento, Metrics.newRegistry("gateway"));
    }

    /** As {@link #start(GatewayConfig, MagentoConfig)}, with the registry {@code /metrics} serves. */
    public static Gateway start(GatewayConfig config, MagentoConfig magento, PrometheusMeterRegistry registry) {
        Vertx vertx = ServerVertx.create("gateway", new VertxOptions()
                .setEventLoopPoolSize(Math.max(2, config.instances())).setWorkerPoolSize(4));
        List<AutoCloseable> parts = new ArrayList<>();
        try {
            return wire(vertx, config, magento, registry, parts);
        } catch (RuntimeException e) {
            closeAll(parts);
            vertx.close().await();
            throw e;
        }
    }

    private static Gateway wire(Vertx vertx, GatewayConfig config, MagentoConfig magento,
                                PrometheusMeterRegistry registry, List<AutoCloseable> parts) {
        GatewayMetrics metrics = new GatewayMetrics(registry);
        Upstream magentoUpstream;
        try {
            magentoUpstream = Upstream.of(magento.baseUrl());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("magento.base_url: " + e.getMessage(), e);
        }
        HttpClient magentoClient = magentoClient(vertx, config, MAGENTO_CONNECTIONS);
        HttpClient serviceClient = serviceClient(vertx, config, SERVICE_CONNECTIONS);
        parts.add(() -> magentoClient.close().await());
        parts.add(() -> serviceClient.close().await());

        Flags flags = new Flags();
        FlagStore store = FlagStores.open(config.flags(), vertx);
        parts.add(store);
        FlagWatcher watcher = new FlagWatcher(vertx, store, flags, config.flags().reloadInterval());
        parts.add(watcher);
        FlagWriter writer = new FlagWriter(vertx, store, watcher, config.flags().historySize());
        WebhookAlerts alerts = new WebhookAlerts(magentoClient, config.alert().webhookUrl(), config.alert().timeout(),
                metrics);
        AutoDisabler disabler = new AutoDisabler(flags, writer, alerts, metrics, replicaName());
        HealthMonitor health = new HealthMonitor(vertx, serviceClient, config, flags, disabler);
        parts.add(health);
        TokenVerifier verifier = new TokenVerifier(magentoClient, magentoUpstream, config.auth(), metrics);
        AccessPolicy access = new AccessPolicy(verifier, config.auth().anonymousCatalog());
        ShadowRecorder shadowRecorder = new ShadowRecorder(config.shadow().keepDifferences(), metrics);
        ShadowReader shadow = new ShadowReader(serviceClient, config.serviceUpstreams(), config.timeouts().service(),
                new JsonComparator(config.shadow().ignoreFields()), shadowRecorder, config.shadow().maxBody());
        RouteTable routes = RouteTable.from(config.routes());

        Router router = Router.router(vertx);
        router.route().handler(ctx -> managementBodyDeadline(ctx, config, metrics));
        if (config.backendHeaders()) {
            router.route().handler(ctx -> {
                ctx.response().putHeader(Headers.BACKEND, "gateway");
                ctx.next();
            });
        }
        HealthEndpoints.mount(router, () -> Future.succeededFuture(readiness(flags, health)), registry);
        TrafficHistory traffic = new TrafficHistory(registry);
        long chartInterval = config.admin().chartInterval().toMillis();
        traffic.sample(System.currentTimeMillis());
        long trafficTimer = vertx.setPeriodic(chartInterval, id -> traffic.sample(System.currentTimeMillis()));
        parts.add(() -> vertx.cancelTimer(trafficTimer));
        new AdminApi(flags, writer, health, shadowRecorder, store.description(), config.admin().token(), traffic,
                chartInterval).mount(router, config.admin().pathPrefix());
        new AdminPage(config.admin().pathPrefix()).mount(router, config.admin().pagePath());
        bindMeters(metrics, flags, health);

        watcher.start().await();
        health.start().await();

        byte[] headTimeout = GatewayErrors.rawClosing(408, "Request Timeout", GatewayErrors.HEAD_TIMEOUT,
                config.backendHeaders());
        ConnectionGuard managementGuard = new ConnectionGuard("management", config.limits().maxConnections(),
                config.timeouts().clientHeader(), headTimeout, metrics);
        HttpServer management = vertx.createHttpServer(serverOptions(config, config.management().host(),
                        config.management().port()))
                .requestHandler(router).connectionHandler(managementGuard)
                .invalidRequestHandler(req -> invalid(req, config))
                .listen().await();
        parts.add(() -> management.close().await());
        if (config.admin().token().isEmpty()) {
            LOG.info("the admin API is off: set gateway.admin.token (or FICUS_GATEWAY_ADMIN_TOKEN, or "
                    + "gateway.admin.token_file) to turn it on");
        }

        // a negative port makes the instances of one deployment share one port, also a random one (port 0)
        HttpServerOptions options = serverOptions(config, config.host(), config.port() == 0 ? -1 : config.port());
        ConnectionGuard shopGuard = new ConnectionGuard("shop", config.limits().maxConnections(),
                config.timeouts().clientHeader(), headTimeout, metrics);
        AtomicInteger bound = new AtomicInteger();
        int instances = config.instances();
        String deployment = vertx.deployVerticle(() -> new VerticleBase() {
            private HttpClient loopMagento;
            private HttpClient loopServices;

            @Override
            public Future<?> start() {
                // each event loop proxies through clients of its own: their connections live on this loop, so a
                // read and its upstream exchange never hop between threads (a shared pool hands a read on one loop
                // a connection of the other about every second time)
                loopMagento = magentoClient(vertx, config, Math.max(1, MAGENTO_CONNECTIONS / instances));
                loopServices = serviceClient(vertx, config, Math.max(1, SERVICE_CONNECTIONS / instances));
                ProxyHandler proxy = new ProxyHandler(vertx, config, magentoUpstream, routes, flags, health, access,
                        shadow, metrics, loopMagento, loopServices);
                return vertx.createHttpServer(options).requestHandler(proxy).connectionHandler(shopGuard)
                        .invalidRequestHandler(req -> invalid(req, config))
                        .listen().onSuccess(server -> bound.set(server.actualPort()));
            }

            @Override
            public Future<?> stop() {
                return Future.join(loopMagento.close(), loopServices.close());
            }
        }, new DeploymentOptions().setInstances(instances)).await();
        parts.add(() -> vertx.undeploy(deployment).await());
        int port = bound.get();
        LOG.info("gateway listening on {}:{} for the shop, {}:{} for management (Magento {}, flags from {})",
                config.host(), port, config.management().host(), management.actualPort(), magentoUpstream,
                store.description());
        return new Gateway(vertx, parts, registry, port, management.actualPort());
    }

    private static HttpServerOptions serverOptions(GatewayConfig config, String host, int port) {
        return new HttpServerOptions().setHost(host).setPort(port)
                .setMaxHeaderSize(config.limits().maxHeaderSize())
                .setMaxInitialLineLength(config.limits().maxInitialLine())
                .setIdleTimeout((int) config.timeouts().clientIdle().toMillis()).setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
                .setHandle100ContinueAutomatically(true)
                // HTTP/1.1 only: a cleartext upgrade to HTTP/2 would change what hop-by-hop means on the way through
                .setHttp2ClearTextEnabled(false)
                .setCompressionSupported(false).setDecompressionSupported(false)
                // no WebSockets are served (no handler: an upgrade request is proxied as a plain request, without
                // its Upgrade header), so no WebSocket extension handler in every connection's pipeline, where each
                // request and response passed through it
                .setPerFrameWebSocketCompressionSupported(false).setPerMessageWebSocketCompressionSupported(false);
    }

    private static HttpClient magentoClient(Vertx vertx, GatewayConfig config, int connections) {
        return vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxHeaderSize(64 * 1024)
                        .setConnectTimeout((int) config.timeouts().magentoConnect().toMillis()),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    private static HttpClient serviceClient(Vertx vertx, GatewayConfig config, int connections) {
        return vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxHeaderSize(64 * 1024)
                        .setConnectTimeout((int) config.timeouts().serviceConnect().toMillis()),
                new PoolOptions().setHttp1MaxSize(connections));
    }

    /**
     * On the management port a request body has {@code gateway.timeouts.client_body} to arrive whole: the admin API's
     * bodies are a few hundred bytes, read whole before they are used, so a total is the simple bound (the shop's
     * port, which streams bodies to Magento, bounds each stall instead).
     */
    private static void managementBodyDeadline(RoutingContext ctx, GatewayConfig config, GatewayMetrics metrics) {
        HttpServerRequest req = ctx.request();
        if (Headers.hasBody(req) && !req.isEnded()) {
            long limit = config.timeouts().clientBody().toMillis();
            long timer = ctx.vertx().setTimer(limit, id -> {
                if (!ctx.response().ended()) {
                    metrics.clientTimeout("management", "body");
                    EdgeLog.BODY_TIMEOUT.note("a request body on the management port did not arrive whole within "
                            + "gateway.timeouts.client_body (" + limit + " ms): answered 408 and closed");
                    GatewayErrors.send(req, 408, GatewayErrors.BODY_TIMEOUT, config.backendHeaders(), true);
                }
            });
            ctx.addEndHandler(v -> ctx.vertx().cancelTimer(timer));
        }
        ctx.next();
    }

    /**
     * A request the HTTP decoder refused: a fixed answer in Magento's error shape (the decoder's own message quotes
     * the client's bytes, so it goes to the log line only, with the setting that decided).
     */
    private static void invalid(HttpServerRequest req, GatewayConfig config) {
        Throwable cause = req.decoderResult().cause();
        if (cause instanceof RejectedRequest rejected) {
            EdgeLog.MALFORMED.note("a request was refused with " + rejected.status() + ": " + rejected.getMessage());
            GatewayErrors.send(req, rejected.status(), rejected.answer(), config.backendHeaders(), true);
        } else if (cause instanceof TooLongHttpHeaderException) {
            EdgeLog.HEAD_SIZE.note("a request head over gateway.limits.max_header_size ("
                    + config.limits().maxHeaderSize() + " bytes) was refused with 431");
            GatewayErrors.send(req, 431, GatewayErrors.HEAD_TOO_LARGE, config.backendHeaders(), true);
        } else if (cause instanceof TooLongHttpLineException) {
            EdgeLog.HEAD_SIZE.note("a request line over gateway.limits.max_initial_line ("
                    + config.limits().maxInitialLine() + " bytes) was refused with 414");
            GatewayErrors.send(req, 414, GatewayErrors.LINE_TOO_LONG, config.backendHeaders(), true);
        } else {
            EdgeLog.MALFORMED.note("a malformed request was refused with 400: "
                    + (cause == null ? "no detail" : cause.getClass().getSimpleName()));
            GatewayErrors.send(req, 400, GatewayErrors.MALFORMED, config.backendHeaders(), true);
        }
    }

    /**
     * Always ready once started: with every service down and no flags the gateway still serves everything from
     * Magento, which is exactly as good as Magento alone. The details say what is degraded.
     */
    private static HealthEndpoints.Readiness readiness(Flags flags, HealthMonitor health) {
        Map<String, Object> details = new LinkedHashMap<>();
        Map<String, Object> flagStates = new LinkedHashMap<>();
        Map<String, Object> services = new LinkedHashMap<>();
        for (Domain d : Domain.values()) {
            flagStates.put(d.flag(), flags.stateName(d));
            ServiceHealth h = health.health(d);
            services.put(d.id(), h.state().toUpperCase(java.util.Locale.ROOT));
        }
        details.put("flags", flagStates);
        details.put("services", services);
        if (flags.storeProblem() != null) {
            details.put("flag_store", flags.storeProblem());
        }
        return HealthEndpoints.Readiness.ok(details);
    }

    private static void bindMeters(GatewayMetrics metrics, Flags flags, HealthMonitor health) {
        for (Domain d : Domain.values()) {
            for (String state : Flags.STATE_NAMES) {
                metrics.flagState(d, state, () -> flags.stateName(d));
            }
            metrics.invalidFlagValues(d, flags, f -> f.invalidValues(d));
            metrics.serviceHealthy(d, () -> health.healthy(d));
            metrics.serviceCatchingUp(d, () -> health.catchingUp(d));
            metrics.serviceLag(d, () -> health.health(d).reportedLagMs());
        }
        metrics.flagStoreErrors(flags, Flags::storeErrors);
    }

    private static String replicaName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (UnknownHostException e) {
                host = "unknown-host";
            }
        }
        return "gateway@" + host;
    }

    /** The shop's bound port (the configured one, or the one the system picked for port 0). */
    public int port() {
        return port;
    }

    /** The management port (metrics, health, admin API and page) as bound. */
    public int managementPort() {
        return managementPort;
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    @Override
    public void close() {
        closeAll(parts);
        vertx.close().await();
    }

    private static void closeAll(List<AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                LOG.debug("closing {} failed: {}", parts.get(i), e.toString());
            }
        }
    }
}
