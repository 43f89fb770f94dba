package dev.ficus.cli;

import dev.ficus.bench.gateway.GatewayBench;
import dev.ficus.bench.gateway.NginxProxy;
import dev.ficus.bench.report.BenchReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
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
            "On a fresh dev stack (temporary directory, free ports, removed after): catalog reads (GET "
                + "/rest/V1/products/{sku}) straight to the catalog service, through the gateway with "
                + "catalog_read=true, and through NGINX as a plain reverse proxy to the same service: p50/p99 at --rate "
                + "(open loop) and the highest req/s (closed loop), each the median of --rounds rounds that take the "
                + "paths in turn, so that a slow moment of the machine or the JIT's order does not favour one path. NGINX is installed with 'apt-get install -y nginx' "
                + "when missing (unless --no-nginx-install); if that fails the report says so and skips its row.",
            "",
            "Then failover: under a steady read load through the gateway the catalog service is stopped; the time "
                + "to the first read Magento served and the failed reads are reported.",
            "",
            "Budgets: the gateway adds < 1 ms p99 over direct at 2,000 req/s; >= 80%% of NGINX's max req/s; "
                + "failover < 1 s with zero failed reads."},
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

    @Override
    public Integer call() throws Exception {
        GatewayBench.Options options;
        try {
            options = new GatewayBench.Options(load.options(), failoverRate, failoverBefore, failoverAfter,
                    nginx == null ? NginxProxy.DEFAULT_BINARY : nginx, !noNginxInstall, rounds);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        BenchReport report = new GatewayBench(options, line -> {
            err.println("bench: " + line);
            err.flush();
        }).run();
        return BenchServicesCommand.finish(spec, report, load.failOnBudget);
    }
}
