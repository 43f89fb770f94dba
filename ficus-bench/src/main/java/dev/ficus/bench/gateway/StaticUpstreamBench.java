package dev.ficus.bench.gateway;

import dev.ficus.bench.load.ClosedLoopLoad;
import dev.ficus.bench.load.HttpTarget;
import dev.ficus.bench.load.InterleavedRuns;
import dev.ficus.bench.load.LoadOptions;
import dev.ficus.bench.load.LoadResult;
import dev.ficus.bench.load.LoadVertx;
import dev.ficus.bench.load.Rounds;
import dev.ficus.bench.load.WrkLoad;
import dev.ficus.bench.report.BenchReport;
import dev.ficus.bench.report.BenchTable;
import dev.ficus.bench.report.Latencies;
import dev.ficus.bench.report.Machine;
import dev.ficus.bench.tool.DebianTool;
import dev.ficus.bench.tool.NginxProxy;
import dev.ficus.devstack.process.FileTrees;
import dev.ficus.devstack.process.FreePort;
import dev.ficus.events.Domain;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code ficus bench gateway --upstream static}: the proxy's own cost, apart from any service's. NGINX serves one
 * product JSON from a file (the origin); the same GET goes straight to it, through the gateway with the origin as
 * Magento and every flag off (each read goes to "Magento"), and through NGINX as a plain reverse proxy with as many
 * workers as the gateway has event loops. Highest rate from wrk (1 thread, closed loop), latency at a fixed rate from
 * this JVM's open-loop client; both in interleaved rounds after every path was warmed up. Budgets (DESIGN.md): the
 * gateway reaches 90 % of NGINX's req/s, and its p99 is within 0.5 ms of NGINX's.
 */
public final class StaticUpstreamBench {
    /** gateway.instances, and so NGINX's workers as the proxy: the same share of the machine. */
    static final int PROXY_WORKERS = 2;
    private static final String MAGENTO = "magento";

    /**
     * @param load          rates, durations and connections; maxConnections is wrk's connection count
     * @param rounds        rounds per path of the fixed-rate and of the highest-rate runs
     * @param nginxBinary   where NGINX is (or is installed to): the origin and the reverse proxy
     * @param installNginx  install Debian's nginx package when it is missing
     * @param wrkBinary     where wrk is (or is installed to)
     * @param installWrk    install Debian's wrk package when it is missing
     * @param originWorkers NGINX workers of the origin
     */
    public record Options(LoadOptions load, int rounds, Path nginxBinary, boolean installNginx, Path wrkBinary,
                          boolean installWrk, int originWorkers) {
        public Options {
            if (rounds < 1) {
                throw new IllegalArgumentException("--rounds must be at least 1, was " + rounds);
            }
            if (originWorkers < 1 || originWorkers > 64) {
                throw new IllegalArgumentException("--origin-workers must be 1..64, was " + originWorkers);
            }
        }
    }

    private final Options options;
    private final Consumer<String> progress;

    public StaticUpstreamBench(Options options, Consumer<String> progress) {
        this.options = options;
        this.progress = progress;
    }

    /** @throws IllegalStateException when NGINX is not there and cannot be installed: it is the origin */
    public BenchReport run() throws IOException, InterruptedException {
        BenchReport report = new BenchReport("gateway --upstream static", Machine.current());
        Path dir = Files.createTempDirectory("ficus-bench-static-");
        try {
            run(dir, report);
        } finally {
            FileTrees.deleteRecursively(dir);
        }
        return report;
    }

    private void run(Path dir, BenchReport report) throws IOException {
        DebianTool.Availability nginx = NginxProxy.ensureInstalled(options.nginxBinary(), options.installNginx(), dir);
        Path nginxBinary = nginx.binary().orElseThrow(() -> new IllegalStateException(
                "the static upstream is NGINX serving a file, and NGINX is not available: " + nginx.problem()));
        DebianTool.Availability wrk = DebianTool.ensureInstalled(options.wrkBinary(), "wrk", options.installWrk(),
                "--no-wrk-install", dir);
        Path originDir = dir.resolve("origin");
        FileTrees.createDirectories(originDir);
        Path body = originDir.resolve("product.json");
        String json = StaticProduct.json();
        Files.writeString(body, json, StandardCharsets.UTF_8);
        int bodyBytes = json.getBytes(StandardCharsets.UTF_8).length;

        progress.accept("starting NGINX as the origin (" + workers(options.originWorkers()) + ") and as a proxy ("
                + PROXY_WORKERS + " workers), and the gateway in a JVM of its own");
        try (NginxProxy origin = NginxProxy.startOrigin(nginxBinary, originDir, body, options.originWorkers());
             NginxProxy proxy = NginxProxy.start(nginxBinary, dir.resolve("nginx-proxy"), origin.port(),
                     PROXY_WORKERS);
             GatewayProcess gateway = startGateway(dir.resolve("gateway"), origin.port());
             LoadVertx vertx = new LoadVertx()) {
            HttpTarget direct = new HttpTarget("static origin", "127.0.0.1", origin.port(),
                    List.of(StaticProduct.PATH), Map.of());
            List<ReadPath> paths = List.of(
                    new ReadPath("direct to the origin (NGINX, " + workers(options.originWorkers()) + ")", direct),
                    new ReadPath("gateway (every flag off: Magento = the origin)",
                            direct.at("gateway", "127.0.0.1", gateway.port())),
                    new ReadPath("nginx reverse proxy (" + PROXY_WORKERS + " workers)",
                            direct.at("nginx reverse proxy", "127.0.0.1", proxy.port())));
            WrkLoad wrkLoad = wrk.binary().map(b -> new WrkLoad(b, dir.resolve("wrk"))).orElse(null);
            List<Row> rows = measure(vertx, paths, wrkLoad);
            report(report, rows, bodyBytes, wrkLoad == null ? wrk.problem() : null);
        }
    }

    private static String workers(int n) {
        return n == 1 ? "1 worker" : n + " workers";
    }

    /** A path with the label the report gives it. */
    private record ReadPath(String label, HttpTarget target) {
    }

    /** One path's rounds: highest rate (closed loop) and fixed rate (open loop), and who served the latter. */
    private record Row(String label, Rounds closed, Rounds open, BackendCounts openBackends) {
    }

    private List<Row> measure(LoadVertx vertx, List<ReadPath> paths, WrkLoad wrk) {
        List<InterleavedRuns.Entry> closedEntries = new ArrayList<>();
        List<InterleavedRuns.Entry> openEntries = new ArrayList<>();
        List<BackendCounts> openBackends = new ArrayList<>();
        for (ReadPath p : paths) {
            BackendCounts open = new BackendCounts();
            openBackends.add(open);
            closedEntries.add(new InterleavedRuns.Entry(p.target(), reply -> { }));
            openEntries.add(new InterleavedRuns.Entry(p.target(), open));
        }
        LoadOptions load = options.load();
        InterleavedRuns.ClosedLoopRunner runner = wrk != null ? wrk
                : (e, s) -> ClosedLoopLoad.run(vertx.vertx(), e.target(), s, e.observer());
        // the closed loop first: at full speed it also warms every path (JIT, pools) for the open loop
        List<Rounds> closed = InterleavedRuns.closedLoop(closedEntries, load.closedLoop(), load.warmup(),
                options.rounds(), progress, runner);
        List<Rounds> open = InterleavedRuns.openLoop(vertx.vertx(), openEntries, load.openLoop(), options.rounds(),
                progress);
        return IntStream.range(0, paths.size())
                .mapToObj(i -> new Row(paths.get(i).label(), closed.get(i), open.get(i), openBackends.get(i)))
                .toList();
    }

    private GatewayProcess startGateway(Path dir, int originPort) throws IOException {
        Path flags = dir.resolve("flags");
        FileTrees.createDirectories(flags);
        for (Domain d : Domain.values()) {
            Files.writeString(flags.resolve(d.flag()), "false\n");
        }
        Map<Domain, Integer> closedPorts = new EnumMap<>(Domain.class);
        for (Domain d : Domain.values()) {
            closedPorts.put(d, FreePort.pick());
        }
        int port = FreePort.pick();
        HttpTarget probe = new HttpTarget("gateway", "127.0.0.1", port, List.of(StaticProduct.PATH), Map.of());
        return GatewayProcess.start(dir, gatewayYaml(port, originPort, flags, closedPorts), probe, MAGENTO);
    }

    /**
     * The gateway's configuration: the origin as Magento, every flag off (so every read is proxied to it), the
     * services on ports where nothing listens (no read is routed to them, and the health probes find them down).
     */
    static String gatewayYaml(int port, int originPort, Path flags, Map<Domain, Integer> servicePorts) {
        StringBuilder yaml = new StringBuilder()
                .append("magento:\n")
                .append("  base_url: http://127.0.0.1:").append(originPort).append('\n')
                .append("gateway:\n")
                .append("  host: 127.0.0.1\n")
                .append("  port: ").append(port).append('\n')
                .append("  instances: ").append(PROXY_WORKERS).append('\n')
                // a free management port: the default 8001 would clash with 'ficus dev' and with a second bench; the
                // bench itself never uses it (it probes a proxied read)
                .append("  management:\n")
                .append("    port: 0\n")
                .append("  services:\n");
        for (Domain d : Domain.values()) {
            yaml.append("    ").append(d.id()).append(": http://127.0.0.1:").append(servicePorts.get(d)).append('\n');
        }
        yaml.append("  flags:\n")
                .append("    store: directory\n")
                .append("    path: ").append(flags).append('\n');
        return yaml.toString();
    }

    private void report(BenchReport report, List<Row> rows, int bodyBytes, String wrkProblem) {
        LoadOptions load = options.load();
        Row direct = rows.get(0);
        Row gateway = rows.get(1);
        Row nginx = rows.get(2);
        String closedBy = wrkProblem == null
                ? "wrk, 1 thread, " + load.maxConnections() + " connections"
                : "this JVM's load client, " + load.maxConnections() + " connections";
        BenchTable table = new BenchTable("Static upstream: GET " + StaticProduct.PATH + " (" + bodyBytes
                + " bytes of product JSON, served by NGINX from a file). max: highest req/s, closed loop (" + closedBy
                + "), with the p50/p99 of that run; p50/p99/p99.9 at " + load.rateText() + " (open loop from the "
                + "bench's JVM, " + load.connections() + " connections). "
                + (options.rounds() == 1 ? "One round" : "Each figure is the median of " + options.rounds()
                + " rounds") + " that take the paths in turn, after every path was warmed up; served by: "
                + "X-Ficus-Backend of the fixed-rate answers",
                "path", "max req/s", "max: each round", "max: p50 ms", "max: p99 ms", "max: errors", "p50 ms",
                "p99 ms", "p99.9 ms", "p99: each round", "errors", "served by");
        for (Row r : rows) {
            LoadResult max = r.closed().medianRate();
            LoadResult latency = r.open().medianP99();
            table.row(r.label(), LoadResult.perSecond(max.okPerSecond()), r.closed().eachRate(), max.p50(), max.p99(),
                    r.closed().errorsCell(), latency.p50(), latency.p99(), latency.p999(), r.open().eachP99(),
                    r.open().errorsCell(), r.openBackends().describe());
        }
        Comparison c = Comparison.of(gateway.closed(), nginx.closed(), gateway.open(), nginx.open());
        report.table(table).table(c.table(load.rateText()));

        boolean proxied = gateway.openBackends().allFrom(MAGENTO);
        report.budget("gateway >= 90 % of NGINX's req/s as a plain proxy (median of the rounds' shares)",
                GatewayBudgets.percent(c.medianShare(), 1) + " (each round " + c.eachShare() + ")",
                gateway.closed().errors() == 0 && GatewayBudgets.staticShareWithinBudget(c.medianShare()));
        report.budget("gateway p99 within 0.5 ms of NGINX's at " + load.rateText()
                        + " (median of the rounds' differences)",
                GatewayBudgets.signedMs(c.medianOpenP99Difference()) + " (each round " + c.eachOpenDifference() + ")",
                proxied && gateway.open().errors() == 0
                        && GatewayBudgets.staticP99WithinBudget(c.medianOpenP99Difference()));
        report.budget("gateway p99 within 0.5 ms of NGINX's at full load (" + closedBy
                        + "; median of the rounds' differences)",
                GatewayBudgets.signedMs(c.medianClosedP99Difference()) + " (each round " + c.eachClosedDifference()
                        + ")",
                gateway.closed().errors() == 0 && GatewayBudgets.staticP99WithinBudget(c.medianClosedP99Difference()));

        if (!proxied) {
            report.note("Not every fixed-rate read through the gateway was answered by Magento (the origin), see "
                    + "'served by': the gateway row then measures something other than a plain proxy.");
        }
        if (wrkProblem != null) {
            report.note("wrk is not available (" + wrkProblem + "): the highest-rate runs come from this JVM's "
                    + "load client, which costs more CPU per request than wrk and so narrows the gap between the "
                    + "paths; its figures are not comparable with wrk's.");
        } else {
            report.note("wrk runs whole seconds: each highest-rate run lasted "
                    + WrkLoad.wholeSeconds(load.duration()) + " s (warm-ups " + WrkLoad.wholeSeconds(load.warmup())
                    + " s). Its p50/p99 are service times under full load, from the actual send, as issue 14 measured "
                    + "them (DESIGN.md's 'measured 82 %, +1.8 ms'); the fixed-rate p99 counts from the intended send "
                    + "time (no coordinated omission).");
        }
        report.note("Processes: the origin NGINX (" + workers(options.originWorkers()) + "), NGINX as the proxy ("
                + PROXY_WORKERS + " workers), the gateway in a JVM of its own (gateway.instances=" + PROXY_WORKERS
                + ") and the load generators (wrk, and the bench's JVM for the fixed rate) share the same cores. "
                + "Direct reads show what the origin alone serves on them.");
        report.note("Share and differences in the budgets are the medians of the rounds' own figures: in each round "
                + "the gateway and NGINX ran one after the other, so a slow minute of the machine costs one round of "
                + "both rather than the figure of one.");
        if (direct.closed().errors() + direct.open().errors() + nginx.closed().errors() + nginx.open().errors() > 0) {
            report.note("Direct or NGINX reads had errors: the machine or the origin was overloaded, and the "
                    + "comparison is unreliable.");
        }
    }

    /** The gateway against NGINX, round by round: rates, shares, p99 differences, and their medians. */
    record Comparison(Rounds gatewayClosed, Rounds nginxClosed, Rounds gatewayOpen, Rounds nginxOpen,
                      List<Double> shares, List<Double> closedDifferences, List<Double> openDifferences) {

        static Comparison of(Rounds gatewayClosed, Rounds nginxClosed, Rounds gatewayOpen, Rounds nginxOpen) {
            return new Comparison(gatewayClosed, nginxClosed, gatewayOpen, nginxOpen,
                    gatewayClosed.sharesOf(nginxClosed), differences(gatewayClosed, nginxClosed),
                    differences(gatewayOpen, nginxOpen));
        }

        private static List<Double> differences(Rounds gateway, Rounds nginx) {
            return IntStream.range(0, gateway.rounds().size())
                    .mapToObj(i -> GatewayBudgets.addedMs(nginx.rounds().get(i).latencies().p99Ms(),
                            gateway.rounds().get(i).latencies().p99Ms()))
                    .toList();
        }

        double medianShare() {
            return GatewayBudgets.median(shares);
        }

        double medianClosedP99Difference() {
            return GatewayBudgets.median(closedDifferences);
        }

        double medianOpenP99Difference() {
            return GatewayBudgets.median(openDifferences);
        }

        String eachShare() {
            return shares.stream().map(s -> GatewayBudgets.percent(s, 1)).collect(Collectors.joining(" / "));
        }

        String eachClosedDifference() {
            return closedDifferences.stream().map(GatewayBudgets::signedMs).collect(Collectors.joining(" / "));
        }

        String eachOpenDifference() {
            return openDifferences.stream().map(GatewayBudgets::signedMs).collect(Collectors.joining(" / "));
        }

        BenchTable table(String rateText) {
            BenchTable t = new BenchTable("The gateway against NGINX as a plain proxy, round by round (same run)",
                    "round", "gateway req/s", "NGINX req/s", "gateway's share", "p99 at full load: gateway / NGINX",
                    "difference", "p99 at " + rateText + ": gateway / NGINX", "difference");
            Function<LoadResult, String> rate = r -> LoadResult.perSecond(r.okPerSecond());
            for (int i = 0; i < shares.size(); i++) {
                t.row(i + 1, rate.apply(gatewayClosed.rounds().get(i)), rate.apply(nginxClosed.rounds().get(i)),
                        GatewayBudgets.percent(shares.get(i), 1),
                        pair(gatewayClosed.rounds().get(i), nginxClosed.rounds().get(i)),
                        GatewayBudgets.signedMs(closedDifferences.get(i)),
                        pair(gatewayOpen.rounds().get(i), nginxOpen.rounds().get(i)),
                        GatewayBudgets.signedMs(openDifferences.get(i)));
            }
            // the medians of the rounds' own figures; each path's median round is in the table above
            t.row("median", "", "", GatewayBudgets.percent(medianShare(), 1), "",
                    GatewayBudgets.signedMs(medianClosedP99Difference()), "",
                    GatewayBudgets.signedMs(medianOpenP99Difference()));
            return t;
        }

        private static String pair(LoadResult gateway, LoadResult nginx) {
            return Latencies.Summary.ms(gateway.latencies().p99Ms()) + " / "
                    + Latencies.Summary.ms(nginx.latencies().p99Ms()) + " ms";
        }
    }
}
