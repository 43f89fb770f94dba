package dev.ficus.gateway.config;

import dev.ficus.core.config.ConfigReader;
import dev.ficus.core.config.ConfigSection;
import dev.ficus.core.config.Secret;
import dev.ficus.events.Domain;
import dev.ficus.gateway.route.RoutesConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's configuration (section {@code gateway}). Defaults run {@code ficus dev}: port 8000, services on
 * 8005–8008, flags in the directory {@code .ficus/flags}.
 */
public record GatewayConfig(
        String host,
        int port,
        int instances,
        Map<Domain, String> serviceUrls,
        RoutesConfig routes,
        Flags flags,
        Health health,
        Timeouts timeouts,
        Limits limits,
        Fallback fallback,
        int failureThreshold,
        Alert alert,
        Management management,
        Admin admin,
        Auth auth,
        Shadow shadow,
        boolean backendHeaders,
        boolean trustForwardedHeaders) {

    /** Where the flags live. */
    public enum FlagStoreKind { DIRECTORY, MANIFEST, KUBERNETES }

    public record Flags(FlagStoreKind store, Path path, Duration reloadInterval, String namespace, String configMap,
                        String apiUrl, int historySize, String stickyCookie) {

        /** The same store at another path (ficus dev: the flag directory under its work directory). */
        public Flags withPath(Path other) {
            return new Flags(store, other, reloadInterval, namespace, configMap, apiUrl, historySize, stickyCookie);
        }
    }

    public record Health(Duration interval, Duration timeout, String path) {
    }

    public record Timeouts(Duration service, Duration serviceConnect, Duration magento, Duration magentoConnect,
                           Duration clientIdle, Duration clientHeader, Duration clientBody) {
    }

    public record Limits(int maxHeaderSize, int maxInitialLine, long maxBodySize, int fallbackBuffer,
                         int maxConnections) {
    }

    /** The port for people and machines that run the gateway: metrics, health, the admin API and page. */
    public record Management(String host, int port) {
    }

    /**
     * @param confirmNotFound a service's 404 on a single-entity read is asked of Magento again (the service may lag
     *                        behind Magento), instead of being served
     */
    public record Fallback(boolean confirmNotFound) {
    }

    public record Alert(String webhookUrl, Duration timeout) {
    }

    /**
     * @param pagePath      where the admin page is served besides {@code <pathPrefix>/admin}; empty: only there
     * @param chartInterval time between two points of the admin page's charts (routed share, p99, fallbacks)
     */
    public record Admin(Secret token, String pathPrefix, String pagePath, Duration chartInterval) {
    }

    public record Auth(boolean anonymousCatalog, Duration cacheTtl, int cacheSize, Duration timeout,
                       Map<String, String> probePaths) {
    }

    public record Shadow(List<String> ignoreFields, int keepDifferences, int maxBody) {
    }

    static final Duration MAX_TOKEN_TTL = Duration.ofMinutes(5);

    /** Each service's base URL taken apart (validated when the configuration was read). */
    public Map<Domain, Upstream> serviceUpstreams() {
        Map<Domain, Upstream> out = new EnumMap<>(Domain.class);
        serviceUrls.forEach((domain, url) -> out.put(domain, Upstream.of(url)));
        return out;
    }

    /** The same configuration with the services found elsewhere (ficus dev: the ports the services really bound). */
    public GatewayConfig withServiceUrls(Map<Domain, String> urls) {
        Map<Domain, String> merged = new EnumMap<>(serviceUrls);
        urls.forEach((domain, url) -> merged.put(domain, stripSlash(url)));
        return copy(Map.copyOf(merged), admin, auth);
    }

    /** The same configuration with this admin API token (ficus dev: a generated one when none is configured). */
    public GatewayConfig withAdminToken(Secret token) {
        return copy(serviceUrls, new Admin(token, admin.pathPrefix(), admin.pagePath(), admin.chartInterval()), auth);
    }

    /** The same configuration with product reads anonymous or not, to match the Magento in front of which it runs. */
    public GatewayConfig withAnonymousCatalog(boolean anonymous) {
        return copy(serviceUrls, admin, new Auth(anonymous, auth.cacheTtl(), auth.cacheSize(), auth.timeout(),
                auth.probePaths()));
    }

    /** The same configuration with the flags kept elsewhere. */
    public GatewayConfig withFlags(Flags other) {
        return new GatewayConfig(host, port, instances, serviceUrls, routes, other, health, timeouts, limits, fallback,
                failureThreshold, alert, management, admin, auth, shadow, backendHeaders, trustForwardedHeaders);
    }

    private GatewayConfig copy(Map<Domain, String> urls, Admin newAdmin, Auth newAuth) {
        return new GatewayConfig(host, port, instances, urls, routes, flags, health, timeouts, limits, fallback,
                failureThreshold, alert, management, newAdmin, newAuth, shadow, backendHeaders, trustForwardedHeaders);
    }

    public static final ConfigSection<GatewayConfig> SECTION = new ConfigSection<>() {
        @Override
        public String name() {
            return "gateway";
        }

        @Override
        public String description() {
            return "the gateway in front of Magento (routing, flags, fallback, auth parity, shadow reads)";
        }

        @Override
        public GatewayConfig read(ConfigReader r) {
            String host = r.string("host", "0.0.0.0", "Address the shop's port listens on (clients send their "
                    + "Magento REST calls here).");
            int port = r.port("port", 8000, "The shop's port: Magento's paths only (0 picks a free port).");
            int instances = r.integer("instances", 2, 1, 64,
                    "HTTP server instances (event loops) sharing the port; about one per core.");
            Map<Domain, String> services = new EnumMap<>(Domain.class);
            for (Domain d : Domain.values()) {
                String url = r.at("services").string(d.id(), "http://127.0.0.1:" + d.devPort(),
                        "Base URL of the " + d.id() + " service.");
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    r.at("services").problem(d.id(), "must start with http:// or https://, got '" + url + "'");
                } else if (!isBaseUrl(url)) {
                    r.at("services").problem(d.id(), "is not a base URL with a host (and no user, query or "
                            + "fragment), e.g. http://catalog:8005, got '" + url + "'");
                }
                services.put(d, stripSlash(url));
            }
            return new GatewayConfig(host, port, instances, Map.copyOf(services), RoutesConfig.read(r.at("routes")),
                    flags(r.at("flags")), health(r.at("health")), timeouts(r.at("timeouts")), limits(r.at("limits")),
                    fallback(r.at("fallback")),
                    r.integer("failure_threshold", 3, 1, 100,
                            "Consecutive failed reads (or probes) of a service that turn its flag off."),
                    alert(r.at("alert")), management(r.at("management"), port), admin(r.at("admin")),
                    auth(r.at("auth")), shadow(r.at("shadow")),
                    r.bool("headers", true, "Add X-Ficus-Backend and X-Ficus-Fallback to responses."),
                    r.bool("trust_forwarded_headers", false, "Trust X-Forwarded-For/-Proto/-Host sent by the client "
                            + "(true only behind a proxy that sets them); the client IP for rollouts is then the first "
                            + "X-Forwarded-For address."));
        }
    };

    private static Flags flags(ConfigReader r) {
        FlagStoreKind store = r.enumeration("store", FlagStoreKind.class, FlagStoreKind.DIRECTORY,
                "Where the flags live: a directory of key files (a mounted ConfigMap), a ConfigMap manifest file, "
                        + "or the Kubernetes API.");
        Path path = r.path("path", Path.of(".ficus", "flags"),
                "The flag directory (store: directory) or the ConfigMap manifest YAML file (store: manifest). Under "
                        + "`ficus dev`, unless set: `<devstack.work_dir>/flags`.");
        Duration reload = r.duration("reload_interval", Duration.ofMillis(250),
                "How often the file stores are re-read (a change takes effect within this time).");
        if (reload.isZero() || reload.compareTo(Duration.ofSeconds(1)) > 0) {
            r.problem("reload_interval", "must be between 1ms and 1s, so that a change takes effect within 1 s");
        }
        String namespace = r.string("kubernetes.namespace", "",
                "Namespace of the flags ConfigMap (empty: the client's namespace).");
        String configMap = r.string("kubernetes.configmap", "ficus-feature-flags", "Name of the flags ConfigMap.");
        String apiUrl = r.string("kubernetes.api_url", "",
                "Kubernetes API URL (empty: in-cluster service account or ~/.kube/config).");
        int historySize = r.integer("history_size", 20, 1, 1000, "History entries kept per flag in the store.");
        String cookie = r.string("sticky_cookie", "PHPSESSID",
                "Cookie that identifies an anonymous caller for percentage rollouts.");
        return new Flags(store, path, reload, namespace, configMap, apiUrl, historySize, cookie);
    }

    private static Health health(ConfigReader r) {
        Duration interval = r.duration("interval", Duration.ofMillis(500), "Time between active probes of a service.");
        Duration timeout = r.duration("timeout", Duration.ofMillis(400), "Time a probe may take.");
        String path = r.string("path", "/health/ready", "Path probed on each service.");
        if (interval.isZero()) {
            r.problem("interval", "must be positive");
        }
        if (!path.startsWith("/")) {
            r.problem("path", "must start with /, got '" + path + "'");
        }
        return new Health(interval, timeout, path);
    }

    private static Timeouts timeouts(ConfigReader r) {
        Duration service = r.duration("service", Duration.ofMillis(300),
                "Time a service has for a whole read before it is sent to Magento instead.");
        Duration serviceConnect = r.duration("service_connect", Duration.ofMillis(100),
                "Time to open a connection to a service.");
        Duration magento = r.duration("magento", Duration.ofSeconds(60),
                "Time Magento may stay silent (no response data) before the client gets 504.");
        Duration magentoConnect = r.duration("magento_connect", Duration.ofSeconds(5),
                "Time to open a connection to Magento.");
        Duration clientIdle = r.duration("client_idle", Duration.ofSeconds(60),
                "Time a client connection may stay silent before it is closed.");
        Duration clientHeader = r.duration("client_header", Duration.ofSeconds(10),
                "Time a client has to send a whole request head once its first byte arrived (then: 408, closed).");
        Duration clientBody = r.duration("client_body", Duration.ofSeconds(30),
                "Time a request body may stall (no data while the gateway is ready for more) before the request "
                        + "ends with 408; on the management port, the time the whole body has.");
        if (service.isZero() || service.compareTo(Duration.ofSeconds(5)) > 0) {
            r.problem("service", "must be between 1ms and 5s (a read that waits longer is better served by Magento)");
        }
        if (clientHeader.isZero()) {
            r.problem("client_header", "must be positive");
        }
        if (clientBody.isZero()) {
            r.problem("client_body", "must be positive");
        }
        return new Timeouts(service, serviceConnect, magento, magentoConnect, clientIdle, clientHeader, clientBody);
    }

    private static Limits limits(ConfigReader r) {
        int header = r.integer("max_header_size", 16 * 1024, 1024, 1024 * 1024,
                "Largest request header block in bytes (larger: 431).");
        int line = r.integer("max_initial_line", 8 * 1024, 256, 1024 * 1024,
                "Longest request line (method, URI, version) in bytes (longer: 414).");
        long body = r.longValue("max_body_size", 64L * 1024 * 1024, 0, Long.MAX_VALUE,
                "Largest request body in bytes (larger: 413).");
        int buffer = r.integer("fallback_buffer", 1024 * 1024, 0, 64 * 1024 * 1024,
                "A service's answer up to this size is read whole before it is sent, so that a failure anywhere in "
                        + "it can still fall back to Magento; larger answers stream.");
        int connections = r.integer("max_connections", 10_000, 1, 1_000_000,
                "Client connections each of the gateway's ports keeps open at once; more are closed at once, with a "
                        + "log line.");
        return new Limits(header, line, body, buffer, connections);
    }

    private static Fallback fallback(ConfigReader r) {
        return new Fallback(r.bool("confirm_not_found", true, "A 404 from a service on a single-entity read (a "
                + "product by SKU, a customer, an order, a stock item) is asked of Magento, whose answer is served "
                + "(X-Ficus-Fallback: not-found): a service that lags behind Magento must not deny what Magento has. "
                + "Not a service failure (see docs/flags.md). false: the service's 404 is served."));
    }

    private static Alert alert(ConfigReader r) {
        String url = r.string("webhook_url", "", "Slack-compatible webhook that gets auto-disable alerts (empty: none).");
        if (!url.isEmpty() && !url.startsWith("http://") && !url.startsWith("https://")) {
            r.problem("webhook_url", "must start with http:// or https://");
        }
        return new Alert(url, r.duration("timeout", Duration.ofSeconds(5), "Time a webhook post may take."));
    }

    private static Management management(ConfigReader r, int shopPort) {
        String host = r.string("host", "127.0.0.1", "Address the management port listens on (0.0.0.0 in Kubernetes, "
                + "behind the NetworkPolicy: probes and Prometheus reach it there).");
        int port = r.port("port", 8001, "The management port: /metrics, /health/live, /health/ready, the admin API "
                + "and the admin page; never the shop's port (0 picks a free port).");
        if (port != 0 && port == shopPort) {
            r.problem("port", "must differ from gateway.port (" + shopPort + "): the shop's port serves Magento's "
                    + "paths only");
        }
        return new Management(host, port);
    }

    private static Admin admin(ConfigReader r) {
        Secret token = r.secret("token", "Bearer token of the admin API (ficus flags …); empty turns the API off.");
        String prefix = r.string("path_prefix", "/_ficus", "Path prefix of the admin API on the management port.");
        if (!prefix.startsWith("/") || prefix.endsWith("/") || prefix.length() < 2) {
            r.problem("path_prefix", "must start with / and not end with /, got '" + prefix + "'");
        }
        String page = r.string("page_path", "/admin", "Path of the admin page on the management port besides "
                + "<path_prefix>/admin (the page itself needs no token; it asks for one). Empty: only "
                + "<path_prefix>/admin.");
        if (!page.isEmpty() && (!page.startsWith("/") || page.endsWith("/") || page.startsWith(prefix + "/"))) {
            r.problem("page_path", "must be empty, or start with / and not end with / nor lie under path_prefix, "
                    + "got '" + page + "'");
        }
        Duration chart = r.duration("chart_interval", Duration.ofSeconds(10), "Time between two points of the admin "
                + "page's charts (routed share, p99 and fallbacks per domain, from this gateway's own meters); the "
                + "charts keep the last 60 points.");
        if (chart.isZero() || chart.isNegative()) {
            r.problem("chart_interval", "must be positive");
        }
        return new Admin(token, prefix, page, chart);
    }

    private static Auth auth(ConfigReader r) {
        boolean anonymous = r.bool("anonymous_catalog", false, "Product reads need no token: set it to match Magento's "
                + "'Allow Anonymous Guest Access' (webapi/webapisecurity/allow_insecure).");
        Duration ttl = r.duration("cache_ttl", Duration.ofSeconds(10),
                "How long Magento's verdict on a token is reused (at most 5m).");
        if (ttl.compareTo(MAX_TOKEN_TTL) > 0) {
            r.problem("cache_ttl", "must be at most 5m: a revoked token must stop working soon");
        }
        int size = r.integer("cache_size", 10_000, 1, 1_000_000, "Token verdicts kept in memory.");
        Duration timeout = r.duration("timeout", Duration.ofSeconds(2),
                "Time Magento has to answer a token check (then the read goes to Magento).");
        Map<String, String> probes = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : defaultProbePaths().entrySet()) {
            String probe = r.at("probe").string(e.getKey(), e.getValue(),
                    "Magento path a token is checked with for " + e.getKey() + " reads (401/403: refused; 2xx/404: allowed).");
            if (!probe.startsWith("/")) {
                r.at("probe").problem(e.getKey(), "must start with /, got '" + probe + "'");
            }
            probes.put(e.getKey(), probe);
        }
        return new Auth(anonymous, ttl, size, timeout, Map.copyOf(probes));
    }

    /** The same route as the read, on an entity that does not exist: the ACL check is Magento's own, the lookup cheap. */
    public static Map<String, String> defaultProbePaths() {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put("catalog", "/rest/V1/products/ficus-token-check");
        m.put("customer", "/rest/V1/customers/0");
        m.put("customer_self", "/rest/V1/customers/me");
        m.put("order", "/rest/V1/orders/0");
        m.put("inventory", "/rest/V1/stockItems/ficus-token-check");
        return m;
    }

    private static Shadow shadow(ConfigReader r) {
        List<String> ignore = r.stringList("ignore_fields", List.of(),
                "JSON fields left out of shadow comparisons: a name (any depth) or a dotted path.");
        int keep = r.integer("keep_differences", 50, 1, 10_000, "Latest shadow differences kept for inspection.");
        int maxBody = r.integer("max_body", 1024 * 1024, 1024, 64 * 1024 * 1024,
                "Answers larger than this are not compared (counted as skipped).");
        return new Shadow(ignore, keep, maxBody);
    }

    private static boolean isBaseUrl(String url) {
        try {
            Upstream.of(url);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
