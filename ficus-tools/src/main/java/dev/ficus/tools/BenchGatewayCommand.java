package dev.ficus.tools;

import dev.ficus.bench.gateway.GatewayBench;
import dev.ficus.bench.tool.NginxProxy;
import dev.ficus.bench.gateway.StaticUpstreamBench;
import dev.ficus.bench.load.WrkLoad;
import dev.ficus.bench.report.BenchReport;
import dev.ficus.cli.GlobalOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "gateway", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Benchmark the gateway against direct reads and NGINX, and its failover.",
            "",
            "--upstream service (the default): on a fresh dev stack (temporary directory, free ports, removed after): "
                + "catalog reads (GET /rest/V1/products/{sku}) straight to the catalog service, through the gateway "
                + "with catalog_read=true, and through NGINX as a plain reverse proxy to the same service: p50/p99 at "
                + "--rate (open loop) and the highest req/s (closed loop), each the median of --rounds rounds that "
                + "take the paths in turn, so that a slow moment of the machine or the JIT's order does not favour "
                + "one path. Then failover: under a steady read load through the gateway the catalog service is "
                + "stopped; the time to the first read Magento served and the failed reads are reported. Budgets: the "
                + "gateway adds < 1 ms p99 over direct at 2,000 req/s; >= 80%% of NGINX's max req/s; failover < 1 s "
                + "with zero failed reads.",
            "",
            "--upstream static: the proxy's own cost, apart from any service's, as issue 14 measured it. NGINX serves "
                + "one product JSON (about 3 kB) from a file as the origin (--origin-workers); the same GET goes "
                + "straight to it, through the gateway (a JVM of its own, with $FICUS_JAVA_OPTS as bin/ficus would "
                + "start it; the origin as magento.base_url, every flag off, so every read is proxied to it) and "
                + "through NGINX as a plain reverse proxy with as many workers as the gateway's event loops (2). "
                + "Highest req/s from wrk (1 thread, --max-connections, its own process; this JVM's client when wrk "
                + "is missing), p50/p99 at --rate from this JVM's open loop; warm-up, then --rounds interleaved "
                + "rounds. No dev stack, no failover run (the --failover options are ignored). Budgets: the gateway "
                + ">= 90%% of NGINX's req/s; its p99 within 0.5 ms of NGINX's at --rate and at full load.",
            "",
            "NGINX (and wrk for --upstream static) are installed with apt-get when missing, unless --no-nginx-install "
                + "(--no-wrk-install). Without NGINX the service mode skips its row; the static mode cannot run."},
        footer = {"",
            "Exit status: 0 when the bench ran, missed budgets included (they are marked NO in the Budgets table and",
            "named on stderr); 1 when it could not run, or with --fail-on-budget when a budget was missed."})
final class BenchGatewayCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Mixin
    BenchServicesCommand.LoadFlags load;

    /** What the gateway proxies to. */
    enum Upstream { SERVICE, STATIC }

    @Option(names = "--upstream", defaultValue = "service", paramLabel = "KIND", converter = UpstreamOption.class,
            description = "service: the catalog service on a dev stack, with the failover run; static: NGINX serving "
                    + "one product JSON, the gateway as a plain proxy to it (default: ${DEFAULT-VALUE}).")
    Upstream upstream;

    @Option(names = "--failover-rate", defaultValue = "200", paramLabel = "REQ/S",
            description = "Requests per second through the gateway during the failover run; keep it within what "
                    + "Magento alone serves, or the failed reads measure Magento's capacity, not the failover "
                    + "(default: ${DEFAULT-VALUE}).")
    double failoverRate;

    @Option(names = "--failover-before", defaultValue = "3s", paramLabel = "TIME",
            converter = BenchServicesCommand.DurationOption.class,
            description = "Steady load before the catalog service is stopped (default: ${DEFAULT-VALUE}).")
    Duration failoverBefore;

    @Option(names = "--failover-after", defaultValue = "3s", paramLabel = "TIME",
            converter = BenchServicesCommand.DurationOption.class,
            description = "Load after it is stopped (default: ${DEFAULT-VALUE}).")
    Duration failoverAfter;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
            description = "Rounds of the latency runs and of the highest-rate runs; each round takes the paths in turn "
                    + "(the highest-rate ones after every path was warmed up), and the report gives each path's "
                    + "median round (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--nginx", defaultValue = "/usr/sbin/nginx", paramLabel = "PATH",
            description = "The NGINX binary (default: ${DEFAULT-VALUE}).")
    Path nginx;

    @Option(names = "--no-nginx-install",
            description = "Do not install Debian's nginx package when the binary is missing; skip the NGINX row.")
    boolean noNginxInstall;

    @Option(names = "--origin-workers", defaultValue = "1", paramLabel = "N",
            description = "--upstream static: NGINX workers of the origin (default: ${DEFAULT-VALUE}).")
    int originWorkers;

    @Option(names = "--wrk", defaultValue = "/usr/bin/wrk", paramLabel = "PATH",
            description = "--upstream static: the wrk binary (default: ${DEFAULT-VALUE}).")
    Path wrk;

    @Option(names = "--no-wrk-install",
            description = "--upstream static: do not install Debian's wrk package when the binary is missing; the "
                    + "highest-rate runs then come from this JVM's load client.")
    boolean noWrkInstall;

    @Override
    public Integer call() throws Exception {
        Consumer<String> progress = BenchServicesCommand.progress(spec);
        Path nginxBinary = nginx == null ? NginxProxy.DEFAULT_BINARY : nginx;
        BenchReport report;
        if (upstream == Upstream.STATIC) {
            StaticUpstreamBench.Options options;
            try {
                options = new StaticUpstreamBench.Options(load.options(), rounds, nginxBinary, !noNginxInstall,
                        wrk == null ? WrkLoad.DEFAULT_BINARY : wrk, !noWrkInstall, originWorkers);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            report = new StaticUpstreamBench(options, progress).run();
        } else {
            GatewayBench.Options options;
            try {
                options = new GatewayBench.Options(load.options(), failoverRate, failoverBefore, failoverAfter,
                        nginxBinary, !noNginxInstall, rounds);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            report = new GatewayBench(options, progress).run();
        }
        return BenchServicesCommand.finish(spec, report, load.failOnBudget);
    }

    /** {@code service} or {@code static}, as the help writes them. */
    static final class UpstreamOption implements CommandLine.ITypeConverter<Upstream> {
        @Override
        public Upstream convert(String value) {
            return switch (value.trim().toLowerCase(Locale.ROOT)) {
                case "service" -> Upstream.SERVICE;
                case "static" -> Upstream.STATIC;
                default -> throw new CommandLine.TypeConversionException("'" + value
                        + "' is not an upstream: use service or static");
            };
        }
    }
}
