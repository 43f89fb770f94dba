package dev.ficus.bench.services;

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
import dev.ficus.bench.tool.DebianTool;
import dev.ficus.bench.tool.NginxProxy;
import dev.ficus.devstack.process.FileTrees;
import dev.ficus.events.Domain;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The catalog service's product GET side by side with NGINX serving the very same answer from a file, in one run:
 * the yardstick of issue 15 (catalog at least half of NGINX's req/s, p99 under 5 ms at 2,000 req/s). The product is
 * the one with the largest answer among the shop's first {@value #CANDIDATES}; its bytes are fetched from the service
 * and written to the file, so both serve the same body. Highest rate from wrk (1 thread, its own process; this JVM's
 * client when wrk is missing), latency at the bench rate from this JVM's open loop, both in interleaved rounds after
 * each path was warmed up: the harness of {@code ficus bench gateway --upstream static}.
 */
public final class CatalogAgainstNginx {
    /** The share of NGINX's req/s the catalog GET must reach. */
    static final double SHARE_BUDGET = 0.5;
    private static final int CANDIDATES = 20;

    /**
     * @param rounds       interleaved rounds of each run
     * @param nginxBinary  NGINX (installed with apt-get when missing and {@code installNginx})
     * @param wrkBinary    wrk (installed with apt-get when missing and {@code installWrk})
     * @param nginxWorkers NGINX workers serving the file
     */
    public record Options(int rounds, Path nginxBinary, boolean installNginx, Path wrkBinary, boolean installWrk,
                          int nginxWorkers) {
        public Options {
            if (rounds < 1) {
                throw new IllegalArgumentException("--rounds must be at least 1, was " + rounds);
            }
            if (nginxWorkers < 1 || nginxWorkers > 64) {
                throw new IllegalArgumentException("--nginx-workers must be 1..64, was " + nginxWorkers);
            }
        }
    }

    private final LoadOptions load;
    private final Options options;
    private final Consumer<String> progress;

    CatalogAgainstNginx(LoadOptions load, Options options, Consumer<String> progress) {
        this.load = load;
        this.options = options;
        this.progress = progress;
    }

    /** Runs the comparison on the stack's catalog service and adds its table, budgets and notes to {@code report}. */
    void run(BenchStack stack, LoadVertx vertx, BenchReport report) throws IOException {
        Path dir = stack.workDir().resolve("catalog-vs-nginx");
        FileTrees.createDirectories(dir);
        DebianTool.Availability nginx = NginxProxy.ensureInstalled(options.nginxBinary(), options.installNginx(), dir);
        if (nginx.binary().isEmpty()) {
            report.note("Catalog against NGINX not measured: " + nginx.problem());
            return;
        }
        DebianTool.Availability wrk = DebianTool.ensureInstalled(options.wrkBinary(), "wrk", options.installWrk(),
                "--no-wrk-install", dir);
        HttpTarget all = new HttpTarget("catalog service", "127.0.0.1", stack.servicePort(Domain.CATALOG),
                stack.readPaths(Domain.CATALOG), stack.readHeaders());
        Sample sample = largestAnswer(all);
        Path originDir = dir.resolve("origin");
        FileTrees.createDirectories(originDir);
        Path file = originDir.resolve("product.json");
        Files.write(file, sample.body());
        HttpTarget service = new HttpTarget("catalog service", "127.0.0.1", all.port(), List.of(sample.path()),
                all.headers());
        progress.accept("catalog against NGINX: " + sample.path() + " (" + sample.body().length + " bytes)");
        try (NginxProxy origin = NginxProxy.startOrigin(nginx.binary().get(), originDir, file,
                options.nginxWorkers())) {
            HttpTarget fromFile = service.at("nginx (file)", "127.0.0.1", origin.port());
            boolean same = Arrays.equals(get(fromFile).body(), sample.body());
            WrkLoad wrkLoad = wrk.binary().map(b -> new WrkLoad(b, dir.resolve("wrk"))).orElse(null);
            InterleavedRuns.ClosedLoopRunner runner = wrkLoad != null ? wrkLoad
                    : (e, s) -> ClosedLoopLoad.run(vertx.vertx(), e.target(), s, e.observer());
            List<InterleavedRuns.Entry> entries = List.of(new InterleavedRuns.Entry(service, reply -> { }),
                    new InterleavedRuns.Entry(fromFile, reply -> { }));
            // the closed loop first: at full speed it also warms both paths for the open loop
            List<Rounds> closed = InterleavedRuns.closedLoop(entries, load.closedLoop(), load.warmup(),
                    options.rounds(), progress, runner);
            List<Rounds> open = InterleavedRuns.openLoop(vertx.vertx(), entries, load.openLoop(), options.rounds(),
                    progress);
            report(report, sample, closed.get(0), closed.get(1), open.get(0), open.get(1), same,
                    wrkLoad == null ? wrk.problem() : null);
        }
    }

    /** One product's path and the service's answer for it. */
    record Sample(String path, byte[] body) {
    }

    private Sample largestAnswer(HttpTarget catalog) {
        Sample largest = null;
        for (String path : catalog.paths().subList(0, Math.min(CANDIDATES, catalog.paths().size()))) {
            Sample s = get(new HttpTarget(catalog.name(), catalog.host(), catalog.port(), List.of(path),
                    catalog.headers()));
            if (largest == null || s.body().length > largest.body().length) {
                largest = s;
            }
        }
        return largest;
    }

    private static Sample get(HttpTarget target) {
        String path = target.paths().get(0);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + target.host() + ":"
                + target.port() + path)).timeout(Duration.ofSeconds(10)).GET();
        target.headers().forEach(request::header);
        try {
            HttpResponse<byte[]> response = HttpClient.newHttpClient().send(request.build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(target.name() + " answered " + path + " with "
                        + response.statusCode());
            }
            return new Sample(path, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " from " + target.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + path, e);
        }
    }

    private void report(BenchReport report, Sample sample, Rounds serviceClosed, Rounds nginxClosed,
                        Rounds serviceOpen, Rounds nginxOpen, boolean sameBody, String wrkProblem) {
        String closedBy = wrkProblem == null
                ? "wrk, 1 thread, " + load.maxConnections() + " connections"
                : "this JVM's load client, " + load.maxConnections() + " connections";
        List<Double> shares = serviceClosed.sharesOf(nginxClosed);
        double share = median(shares);
        BenchTable table = new BenchTable("Catalog GET " + sample.path() + " against NGINX serving the same "
                + sample.body().length + " bytes from a file (same run, " + rounds() + " that take the paths in turn "
                + "after each was warmed up). max: highest req/s, closed loop (" + closedBy + "), with the p50/p99 "
                + "of that run; p50/p99 at " + load.rateText() + ": open loop from the bench's JVM, "
                + load.connections() + " connections",
                "path", "max req/s", "max: each round", "share of NGINX", "max: p50 ms", "max: p99 ms",
                "p50 ms", "p99 ms", "p99: each round", "errors");
        row(table, "catalog service (" + Domain.CATALOG.id() + ")", serviceClosed, serviceOpen,
                percent(share) + " (" + shares.stream().map(CatalogAgainstNginx::percent)
                        .collect(Collectors.joining(" / ")) + ")");
        row(table, "nginx, " + options.nginxWorkers() + (options.nginxWorkers() == 1 ? " worker" : " workers")
                + ", the answer as a file", nginxClosed, nginxOpen, "100 %");
        report.table(table);
        report.budget("catalog GET >= 50 % of NGINX's req/s serving the same JSON from a file (median of the rounds' "
                        + "shares)", percent(share),
                serviceClosed.errors() == 0 && share >= SHARE_BUDGET);
        LoadResult latency = serviceOpen.medianP99();
        report.budget("catalog GET p99 < 5 ms at " + load.rateText() + " beside NGINX (median round), no errors",
                latency.p99() + " ms (NGINX " + nginxOpen.medianP99().p99() + " ms)",
                serviceOpen.errors() == 0 && latency.latencies().p99Ms() < ServicesBench.P99_BUDGET_MS);
        if (!sameBody) {
            report.note("NGINX's body differed from the service's answer it was written from: the comparison is "
                    + "not of the same bytes.");
        }
        if (wrkProblem != null) {
            report.note("wrk is not available (" + wrkProblem + "): the highest-rate runs of the catalog against "
                    + "NGINX come from this JVM's load client, which narrows the gap between them.");
        }
    }

    private String rounds() {
        return options.rounds() == 1 ? "one round" : "medians of " + options.rounds() + " rounds";
    }

    private static void row(BenchTable table, String label, Rounds closed, Rounds open, String share) {
        LoadResult max = closed.medianRate();
        LoadResult latency = open.medianP99();
        table.row(label, LoadResult.perSecond(max.okPerSecond()), closed.eachRate(), share, max.p50(), max.p99(),
                latency.p50(), latency.p99(), open.eachP99(), errors(closed, open));
    }

    private static String errors(Rounds closed, Rounds open) {
        return closed.errors() + open.errors() == 0 ? "0" : closed.errorsCell() + " / " + open.errorsCell();
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f %%", share * 100);
    }
}
