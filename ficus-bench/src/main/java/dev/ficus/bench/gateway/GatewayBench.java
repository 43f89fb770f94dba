package dev.ficus.bench.gateway;

import dev.ficus.bench.load.HttpTarget;
import dev.ficus.bench.load.InterleavedRuns;
import dev.ficus.bench.load.LoadOptions;
import dev.ficus.bench.load.LoadResult;
import dev.ficus.bench.load.LoadVertx;
import dev.ficus.bench.load.OpenLoopLoad;
import dev.ficus.bench.load.Reply;
import dev.ficus.bench.load.Rounds;
import dev.ficus.bench.report.BenchReport;
import dev.ficus.bench.report.BenchTable;
import dev.ficus.bench.report.Machine;
import dev.ficus.bench.services.ApplyThroughput;
import dev.ficus.bench.services.BenchStack;
import dev.ficus.bench.tool.DebianTool;
import dev.ficus.bench.tool.NginxProxy;
import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.devstack.process.FreePort;
import dev.ficus.events.Domain;
import dev.ficus.gateway.Gateway;
import dev.ficus.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * {@code ficus bench gateway}: catalog reads straight to the catalog service, through the gateway (catalog_read=true)
 * and through NGINX as a plain reverse proxy to the same service; then failover: under a steady read load through the
 * gateway the catalog service is stopped, and the report gives the time until Magento served the first read and the
 * reads that failed meanwhile. Budgets (DESIGN.md): the gateway adds under 1 ms to the direct p99 at 2,000 req/s,
 * reaches 80 % of NGINX's highest rate, and fails over in under 1 s without a failed read.
 */
public final class GatewayBench {
    private static final Duration ROUTING_TIMEOUT = Duration.ofSeconds(30);
    /** gateway.timeouts.service, gateway.failure_threshold and gateway.health.timeout for the bench. */
    static final String SERVICE_TIMEOUT = "5s";
    static final int FAILURE_THRESHOLD = 100;
    static final String PROBE_TIMEOUT = "2s";
    /** As many NGINX workers as the gateway has event loops: the same share of the machine. */
    private static final int NGINX_WORKERS = 2;

    /**
     * @param load           rates, durations and connections of the reads
     * @param failoverRate   requests per second through the gateway during the failover run
     * @param failoverBefore steady load before the kill
     * @param failoverAfter  load after the kill
     * @param nginxBinary    where NGINX is (or is installed to)
     * @param installNginx   install Debian's nginx package when it is missing
     * @param rounds         rounds per path of the latency and of the highest-rate runs; each figure is the median round
     */
    public record Options(LoadOptions load, double failoverRate, Duration failoverBefore, Duration failoverAfter,
                          Path nginxBinary, boolean installNginx, int rounds) {
        public Options {
            if (rounds < 1) {
                throw new IllegalArgumentException("--rounds must be at least 1, was " + rounds);
            }
            load.openLoop(failoverRate, failoverBefore.plus(failoverAfter));
            if (failoverBefore.isNegative() || failoverBefore.isZero() || failoverAfter.isNegative()
                    || failoverAfter.isZero()) {
                throw new IllegalArgumentException("the failover run needs positive times before and after the kill");
            }
        }
    }

    private final Options options;
    private final Consumer<String> progress;

    public GatewayBench(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    public BenchReport run() throws InterruptedException, IOException {
        LoadOptions load = options.load();
        BenchReport report = new BenchReport("gateway", Machine.current());
        BenchTable reads = new BenchTable("Catalog reads, GET /rest/V1/products/{sku}: p50/p99 at " + load.rateText()
                + " (open loop, " + load.connections() + " connections); max: highest req/s with "
                + load.maxConnections() + " in flight (closed loop). Each is the median of " + options.rounds()
                + " rounds that take the paths in turn (the highest-rate rounds after every path was warmed up); "
                + "served by: X-Ficus-Backend of the answers",
                "path", "p50 ms", "p99 ms", "p99.9 ms", "p99: each round", "errors", "served by", "max req/s",
                "max: each round", "max: errors", "max: served by");
        BenchTable failover = new BenchTable("Failover: catalog service stopped under "
                + LoadResult.perSecond(options.failoverRate()) + " req/s through the gateway",
                "kill -> first Magento read", "failed reads", "reads", "catalog answers after kill", "stop took");
        try (BenchStack stack = BenchStack.start(progress)) {
            progress.accept("catalog: applying the snapshot");
            ApplyThroughput.measure(stack, Domain.CATALOG);
            int catalogPort = stack.servicePort(Domain.CATALOG);
            HttpTarget direct = new HttpTarget("catalog service (direct)", "127.0.0.1", catalogPort,
                    stack.readPaths(Domain.CATALOG), stack.readHeaders());
            Path flags = stack.workDir().resolve("flags");
            try (Gateway gateway = startGateway(stack, catalogPort, flags); LoadVertx vertx = new LoadVertx();
                 NginxProxy nginx = startNginx(stack, catalogPort, report)) {
                HttpTarget viaGateway = direct.at("gateway, catalog_read=true", "127.0.0.1", gateway.port());
                enableCatalogReads(flags, viaGateway);
                List<ReadPath> paths = new ArrayList<>();
                paths.add(new ReadPath("direct to the catalog service", direct));
                paths.add(new ReadPath("gateway (catalog_read=true)", viaGateway));
                if (nginx != null) {
                    paths.add(new ReadPath("nginx reverse proxy (" + NGINX_WORKERS + " workers)",
                            direct.at("nginx reverse proxy", "127.0.0.1", nginx.port())));
                }
                List<Row> rows = measure(vertx.vertx(), paths);
                Row directRow = rows.get(0);
                Row gatewayRow = rows.get(1);
                if (!gatewayRow.openBackends().allFrom(Domain.CATALOG.id())
                        || !gatewayRow.closedBackends().allFrom(Domain.CATALOG.id())) {
                    report.note("Not every read through the gateway was served by the catalog service (see 'served "
                            + "by'): it fell back to Magento, and may have turned catalog_read off after "
                            + "gateway.failure_threshold failures; the gateway row then measures fallbacks too.");
                }
                rows.forEach(row -> reads.row(row.cells()));
                budgets(report, directRow, gatewayRow, nginx == null ? null : rows.get(2));
                enableCatalogReads(flags, viaGateway);
                failover(stack, vertx.vertx(), viaGateway, failover, report);
            }
        }
        report.table(reads).table(failover)
                .note("The load generator, the gateway, NGINX, the catalog service and the Magento stand-in share the "
                        + "same cores; the gateway checks the admin token with the stand-in (cached "
                        + "gateway.auth.cache_ttl) as it would with Magento. The load generator runs in the same JVM "
                        + "as the gateway and the catalog service (not in NGINX's processes).")
                .note("The gateway runs with timeouts.service=" + SERVICE_TIMEOUT + ", failure_threshold="
                        + FAILURE_THRESHOLD + " and health.timeout=" + PROBE_TIMEOUT + " (defaults 300ms, 3, 400ms), "
                        + "so that a saturated catalog service in the max runs queues reads, as it does behind NGINX, "
                        + "instead of sending them to Magento and turning catalog_read off. A failed read still "
                        + "falls back at once, so the failover run is not affected.")
                .note("Failover: 'kill' is the moment the catalog service's close() begins (HTTP server and "
                        + "connections closed); failed reads count every non-2xx answer or missing answer of the run.");
        return report;
    }

    /** A way to the catalog service that the report has a row for. */
    private record ReadPath(String label, HttpTarget target) {
    }

    /**
     * One path's figures: the open-loop rounds (latency), the closed-loop rounds (highest rate), who answered in
     * each.
     */
    private record Row(String label, Rounds open, BackendCounts openBackends, Rounds closed,
                       BackendCounts closedBackends) {
        Object[] cells() {
            LoadResult latency = open.medianP99();
            LoadResult max = closed.medianRate();
            return new Object[] {label, latency.p50(), latency.p99(), latency.p999(), open.eachP99(),
                open.errorsCell(), openBackends.describe(), LoadResult.perSecond(max.okPerSecond()),
                closed.eachRate(), closed.errorsCell(), closedBackends.describe()};
        }
    }

    private List<Row> measure(Vertx vertx, List<ReadPath> paths) {
        List<BackendCounts> closedBackends = new ArrayList<>();
        List<BackendCounts> openBackends = new ArrayList<>();
        List<InterleavedRuns.Entry> closedEntries = new ArrayList<>();
        List<InterleavedRuns.Entry> openEntries = new ArrayList<>();
        for (ReadPath p : paths) {
            BackendCounts closed = new BackendCounts();
            BackendCounts open = new BackendCounts();
            closedBackends.add(closed);
            openBackends.add(open);
            closedEntries.add(new InterleavedRuns.Entry(p.target(), closed));
            openEntries.add(new InterleavedRuns.Entry(p.target(), open));
        }
        // the closed loop first: at full speed it also warms the whole path (JIT, pools) for the open loop, which
        // would otherwise start on cold code, fall behind its schedule and spend its window catching up
        LoadOptions load = options.load();
        List<Rounds> closed = InterleavedRuns.closedLoop(vertx, closedEntries, load.closedLoop(), load.warmup(),
                options.rounds(), progress);
        List<Rounds> open = InterleavedRuns.openLoop(vertx, openEntries, load.openLoop(), options.rounds(), progress);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            rows.add(new Row(paths.get(i).label(), open.get(i), openBackends.get(i), closed.get(i),
                    closedBackends.get(i)));
        }
        return rows;
    }

    private Gateway startGateway(BenchStack stack, int catalogPort, Path flags) throws IOException {
        Files.createDirectories(flags);
        Files.writeString(flags.resolve(Domain.CATALOG.flag()), "true\n");
        // management port 0: the default 8001 would clash with a running 'ficus dev'
        StringBuilder yaml = new StringBuilder("gateway:\n  host: 127.0.0.1\n  port: 0\n  management:\n    port: 0\n"
                + "  services:\n");
        for (Domain d : Domain.values()) {
            // only the catalog runs; the other domains point at a closed port and their flags are off
            int port = d == Domain.CATALOG ? catalogPort : FreePort.pick();
            yaml.append("    ").append(d.id()).append(": http://127.0.0.1:").append(port).append('\n');
        }
        yaml.append("  flags:\n    store: directory\n    path: ").append(flags).append('\n');
        // saturation in the max runs must show as queueing, as it does behind NGINX, not as reads sent to Magento
        // after the default 300 ms and catalog_read turned off after 3 of them
        yaml.append("  timeouts:\n    service: ").append(SERVICE_TIMEOUT).append('\n');
        yaml.append("  failure_threshold: ").append(FAILURE_THRESHOLD).append('\n');
        yaml.append("  health:\n    timeout: ").append(PROBE_TIMEOUT).append('\n');
        GatewayConfig config = ConfigLoader.load(ConfigSource.fromYaml(yaml.toString(), Map.of()),
                List.of(GatewayConfig.SECTION)).get(GatewayConfig.SECTION);
        progress.accept("starting the gateway (catalog_read=true)");
        return Gateway.start(config, stack.magento());
    }

    /**
     * Sets catalog_read=true (again: an overloaded service may have turned it off in an earlier run) and waits until
     * reads through the gateway come from the catalog service.
     */
    private static void enableCatalogReads(Path flags, HttpTarget gateway) throws IOException, InterruptedException {
        Path tmp = Files.createTempFile(flags, ".edit", ".tmp");
        Files.writeString(tmp, "true\n");
        Files.move(tmp, flags.resolve(Domain.CATALOG.flag()), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        awaitRouting(gateway);
    }

    /** Waits until the gateway's probes see the catalog service and a read comes back from it. */
    private static void awaitRouting(HttpTarget gateway) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.port()
                + gateway.paths().get(0))).timeout(Duration.ofSeconds(5));
        gateway.headers().forEach(request::header);
        long deadline = System.nanoTime() + ROUTING_TIMEOUT.toNanos();
        String backend = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            backend = response.headers().firstValue(Reply.BACKEND_HEADER).orElse(null);
            if (response.statusCode() == 200 && Domain.CATALOG.id().equals(backend)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the gateway did not route catalog reads to the catalog service within "
                + ROUTING_TIMEOUT + " (last backend: " + backend + ")");
    }

    /** NGINX in front of the catalog service, or null with a note saying why there is none. */
    private NginxProxy startNginx(BenchStack stack, int catalogPort, BenchReport report) throws IOException {
        Path dir = stack.workDir().resolve("nginx");
        Files.createDirectories(dir);
        DebianTool.Availability nginx = NginxProxy.ensureInstalled(options.nginxBinary(), options.installNginx(), dir);
        if (nginx.binary().isEmpty()) {
            report.note("NGINX row skipped: " + nginx.problem());
            return null;
        }
        try {
            return NginxProxy.start(nginx.binary().get(), dir, catalogPort, NGINX_WORKERS);
        } catch (IOException e) {
            report.note("NGINX row skipped: " + e.getMessage());
            return null;
        }
    }

    private void budgets(BenchReport report, Row direct, Row gateway, Row nginx) {
        LoadResult directP99 = direct.open().medianP99();
        LoadResult gatewayP99 = gateway.open().medianP99();
        double added = GatewayBudgets.addedMs(directP99.latencies().p99Ms(), gatewayP99.latencies().p99Ms());
        // the comparison means something only if the gateway really sent every read to the service
        boolean servedByCatalog = gateway.openBackends().allFrom(Domain.CATALOG.id()) && gateway.open().errors() == 0;
        report.budget("gateway adds < 1 ms to the direct p99 at " + options.load().rateText() + " (medians)",
                GatewayBudgets.signedMs(added) + " (direct " + directP99.p99() + ", gateway " + gatewayP99.p99()
                        + (nginx == null ? "" : ", NGINX " + nginx.open().medianP99().p99()) + " ms)", servedByCatalog && direct.open().errors() == 0
                        && GatewayBudgets.addedWithinBudget(directP99.latencies().p99Ms(),
                        gatewayP99.latencies().p99Ms()));
        if (nginx != null) {
            double g = gateway.closed().medianRate().okPerSecond();
            double n = nginx.closed().medianRate().okPerSecond();
            String perRound = gateway.closed().sharesOf(nginx.closed()).stream()
                    .map(share -> GatewayBudgets.percent(share, 1)).collect(Collectors.joining(" / "));
            report.budget("gateway >= 80 % of NGINX's max req/s (medians)", GatewayBudgets.percent(g, n) + " ("
                            + LoadResult.perSecond(g) + " vs " + LoadResult.perSecond(n) + "; each round "
                            + perRound + ")",
                    gateway.closed().errors() == 0 && GatewayBudgets.nginxShareWithinBudget(g, n));
        }
    }

    private void failover(BenchStack stack, Vertx vertx, HttpTarget viaGateway, BenchTable table, BenchReport report)
            throws InterruptedException {
        progress.accept("failover: " + LoadResult.perSecond(options.failoverRate()) + " req/s through the gateway, "
                + "stopping the catalog service after " + options.failoverBefore().toSeconds() + " s");
        FailoverTally tally = new FailoverTally();
        ExecutorService sender = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-failover-load"));
        long kill;
        long stopNanos;
        try {
            CompletableFuture<LoadResult> run = CompletableFuture.supplyAsync(() -> OpenLoopLoad.run(vertx, viaGateway,
                    options.load().openLoop(options.failoverRate(),
                            options.failoverBefore().plus(options.failoverAfter())), tally), sender);
            Thread.sleep(options.failoverBefore().toMillis());
            kill = System.nanoTime();
            stack.stopService(Domain.CATALOG);
            stopNanos = System.nanoTime() - kill;
            run.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the failover load failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            sender.shutdown();
        }
        FailoverTally.Result r = tally.result(kill, Domain.CATALOG.id());
        String first = r.firstMagentoNanos().isPresent() ? millis(r.firstMagentoNanos().getAsLong()) : "never";
        table.row(first, r.failed(), r.reads(), r.servedByServiceAfter(), millis(stopNanos));
        report.budget("failover to Magento < 1 s", first,
                r.firstMagentoNanos().isPresent() && GatewayBudgets.failoverWithinBudget(r.firstMagentoNanos().getAsLong()));
        report.budget("no failed read during failover", r.failed() + " of " + r.reads(), r.failed() == 0);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
    }
}
