package dev.ficus.bench.services;

import dev.ficus.bench.load.ClosedLoopLoad;
import dev.ficus.bench.load.HttpTarget;
import dev.ficus.bench.load.LoadOptions;
import dev.ficus.bench.load.LoadResult;
import dev.ficus.bench.load.LoadVertx;
import dev.ficus.bench.load.OpenLoopLoad;
import dev.ficus.bench.report.BenchReport;
import dev.ficus.bench.report.BenchTable;
import dev.ficus.bench.report.Machine;
import dev.ficus.events.Domain;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code ficus bench services}: for each read service, the GET latencies at a fixed rate, the highest sustained
 * rate, and how fast it applies the snapshot's events; the Magento stand-in answers the same reads in the same run as
 * the baseline. Budget (DESIGN.md): p99 under 5 ms at 2,000 req/s, without errors. With {@link CatalogAgainstNginx},
 * the catalog's product GET side by side with NGINX serving the same answer from a file: at least half its req/s.
 */
public final class ServicesBench {
    /** The design's latency budget for a service read at the bench rate. */
    public static final double P99_BUDGET_MS = 5.0;
    private static final String P99_BUDGET_TEXT = "5 ms";

    private final LoadOptions options;
    private final List<Domain> services;
    private final Consumer<String> progress;
    private final CatalogAgainstNginx.Options nginx;

    /** Without the catalog's comparison with NGINX. */
    public ServicesBench(LoadOptions options, List<Domain> services, Consumer<String> progress) {
        this(options, services, null, progress);
    }

    /**
     * @param nginx how to run the catalog side by side with NGINX serving its answer from a file (when the catalog
     *              is benched); {@code null}: not at all
     */
    public ServicesBench(LoadOptions options, List<Domain> services, CatalogAgainstNginx.Options nginx,
                         Consumer<String> progress) {
        if (services.isEmpty()) {
            throw new IllegalArgumentException("name at least one service to bench");
        }
        this.options = options;
        this.services = List.copyOf(services);
        this.nginx = nginx;
        this.progress = progress;
    }

    public BenchReport run() throws InterruptedException {
        BenchReport report = new BenchReport("services", Machine.current());
        BenchTable apply = new BenchTable("Apply throughput (the snapshot's events into a fresh consumer group)",
                "service", "events", "wall s", "events/s (wall)", "events/s (in batches)");
        BenchTable reads = new BenchTable("GET at " + options.rateText() + " (open loop, " + options.connections()
                + " connections, latency from the intended send time)",
                "service", "route", "backend", "sent/s", "p50 ms", "p99 ms", "p99.9 ms", "errors");
        BenchTable max = new BenchTable("Highest sustained GET rate (closed loop, " + options.maxConnections()
                + " requests in flight)", "service", "backend", "req/s", "p50 ms", "p99 ms", "errors");
        report.table(reads).table(max).table(apply);
        try (BenchStack stack = BenchStack.start(progress)) {
            for (Domain service : services) {
                progress.accept(service.id() + ": applying the snapshot");
                ApplyThroughput.Result r = ApplyThroughput.measure(stack, service);
                apply.row(service.id(), r.events(), seconds(r.wallSeconds()),
                        LoadResult.perSecond(r.eventsPerWallSecond()), LoadResult.perSecond(r.eventsPerBatchSecond()));
            }
            try (LoadVertx load = new LoadVertx()) {
                for (Domain service : services) {
                    HttpTarget ficus = new HttpTarget(service.id() + " service", "127.0.0.1",
                            stack.servicePort(service), stack.readPaths(service), stack.readHeaders());
                    HttpTarget magento = ficus.at("Magento stand-in", "127.0.0.1", stack.standIn().port());
                    measure(load.vertx(), service, ficus, "ficus", reads, max, report);
                    measure(load.vertx(), service, magento, "magento stand-in", reads, max, null);
                }
                if (nginx != null && services.contains(Domain.CATALOG)) {
                    new CatalogAgainstNginx(options, nginx, progress).run(stack, load, report);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the catalog's comparison with NGINX failed: " + e.getMessage(), e);
            }
        }
        report.note("Baseline: the Magento stand-in (Java on the same MariaDB), not PHP Magento, which is far "
                        + "slower; it shows what the same reads cost in the same run on the same machine.")
                .note("The load generator runs in the same JVM on the same cores as the servers it measures.")
                .note("Apply throughput covers the small profile's snapshot only; 'wall' includes the service's "
                        + "start (migrations, connections), 'in batches' is the time spent applying and committing.");
        return report;
    }

    /** One target: the closed loop, then the open loop at the bench rate; a budget row when {@code report} is given. */
    private void measure(Vertx vertx, Domain service, HttpTarget target, String backend, BenchTable reads,
                         BenchTable max, BenchReport report) {
        // the closed loop first: at full speed it also warms the whole path (JIT, pools) for the open loop, which
        // would otherwise start on cold code, fall behind its schedule and spend its window catching up
        progress.accept(service.id() + " via " + target.name() + ": highest rate with " + options.maxConnections()
                + " in flight, then " + options.rateText() + " for " + options.duration().toSeconds() + " s");
        LoadResult closed = ClosedLoopLoad.run(vertx, target, options.closedLoop());
        max.row(service.id(), backend, LoadResult.perSecond(closed.okPerSecond()), closed.p50(), closed.p99(),
                closed.errorsCell());
        LoadResult open = OpenLoopLoad.run(vertx, target, options.openLoop());
        reads.row(service.id(), BenchStack.routeOf(service), backend, LoadResult.perSecond(open.sentPerSecond()),
                open.p50(), open.p99(), open.p999(), open.errorsCell());
        if (report != null) {
            report.budget(service.id() + ": p99 < " + P99_BUDGET_TEXT + " at "
                            + options.rateText() + ", no errors",
                    open.p99() + " ms, " + open.errors() + " errors", meetsLatencyBudget(open, P99_BUDGET_MS));
        }
    }

    /** A p99 within the budget counts only when nothing failed: a p99 of the successes hides the failures. */
    public static boolean meetsLatencyBudget(LoadResult open, double budgetMs) {
        return open.errors() == 0 && open.ok() > 0 && open.latencies().p99Ms() < budgetMs;
    }

    private static String seconds(double s) {
        return String.format(Locale.ROOT, "%.2f", s);
    }
}
