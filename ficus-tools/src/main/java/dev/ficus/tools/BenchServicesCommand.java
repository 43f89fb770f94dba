package dev.ficus.tools;

import dev.ficus.bench.load.LoadOptions;
import dev.ficus.bench.load.WrkLoad;
import dev.ficus.bench.report.BenchReport;
import dev.ficus.bench.services.CatalogAgainstNginx;
import dev.ficus.bench.services.ServicesBench;
import dev.ficus.bench.tool.NginxProxy;
import dev.ficus.cli.ExitCodes;
import dev.ficus.cli.GlobalOptions;
import dev.ficus.events.Domain;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

@Command(name = "services", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Benchmark the four read services against the Magento stand-in, and the catalog against NGINX.",
            "",
            "On a fresh dev stack (temporary directory, free ports, removed after): seeds the small fixture shop, "
                + "lets the sync put its snapshot into the topics, then per service measures how fast it applies those "
                + "events, GET p50/p99 at --rate (open loop: latency from the intended send time), and the highest "
                + "sustained req/s (closed loop); the Magento stand-in answers the same reads in the same run as the "
                + "baseline. Budget: p99 < 5 ms at 2,000 req/s with no errors.",
            "",
            "Then the catalog's product GET side by side with NGINX serving the same answer from a file (the largest of "
                + "the shop's first 20 products): highest req/s from wrk (1 thread, --max-connections) and p50/p99 at "
                + "--rate, in --rounds interleaved rounds after a warm-up of each. Budgets: at least 50 %% of NGINX's "
                + "req/s, p99 < 5 ms at 2,000 req/s. NGINX and wrk are installed with apt-get when missing, unless "
                + "--no-nginx-install (the comparison is skipped) or --no-wrk-install (this JVM's client drives it).",
            "",
            "Prints Markdown tables with the machine. Takes a few minutes with the defaults."},
        footer = {"",
            "Exit status: 0 when the bench ran, missed budgets included (they are marked NO in the Budgets table and",
            "named on stderr); 1 when it could not run, or with --fail-on-budget when a budget was missed."})
final class BenchServicesCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--service", split = ",", paramLabel = "NAME",
            description = "Only these services: catalog, customer, order, inventory (default: all four).")
    List<String> only;

    @Mixin
    LoadFlags load;

    @Option(names = "--rounds", defaultValue = "3", paramLabel = "N",
            description = "Interleaved rounds of the catalog against NGINX (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--nginx", defaultValue = "/usr/sbin/nginx", paramLabel = "PATH",
            description = "The NGINX binary (default: ${DEFAULT-VALUE}).")
    Path nginx;

    @Option(names = "--no-nginx-install",
            description = "Do not install Debian's nginx package when the binary is missing; skip the comparison.")
    boolean noNginxInstall;

    @Option(names = "--nginx-workers", defaultValue = "1", paramLabel = "N",
            description = "NGINX workers serving the file (default: ${DEFAULT-VALUE}).")
    int nginxWorkers;

    @Option(names = "--wrk", defaultValue = "/usr/bin/wrk", paramLabel = "PATH",
            description = "The wrk binary (default: ${DEFAULT-VALUE}).")
    Path wrk;

    @Option(names = "--no-wrk-install",
            description = "Do not install Debian's wrk package when the binary is missing; this JVM's load client "
                    + "then makes the highest-rate runs against NGINX.")
    boolean noWrkInstall;

    @Option(names = "--no-nginx", description = "Skip the catalog's comparison with NGINX.")
    boolean noNginx;

    @Override
    public Integer call() throws Exception {
        LoadOptions options;
        List<Domain> services;
        CatalogAgainstNginx.Options against;
        try {
            options = load.options();
            services = chosen(only);
            against = noNginx ? null : new CatalogAgainstNginx.Options(rounds,
                    nginx == null ? NginxProxy.DEFAULT_BINARY : nginx, !noNginxInstall,
                    wrk == null ? WrkLoad.DEFAULT_BINARY : wrk, !noWrkInstall, nginxWorkers);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        BenchReport report = new ServicesBench(options, services, against, progress(spec)).run();
        return finish(spec, report, load.failOnBudget);
    }

    private static List<Domain> chosen(List<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of(Domain.values());
        }
        EnumSet<Domain> set = EnumSet.noneOf(Domain.class);
        names.forEach(n -> set.add(Domain.fromId(n)));
        return List.copyOf(set);
    }

    /** Where a bench's progress lines go: stderr, each at once, so that stdout holds the report alone. */
    static Consumer<String> progress(CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        return line -> {
            err.println("bench: " + line);
            err.flush();
        };
    }

    /** Prints the report, names missed budgets on stderr, and picks the exit status. */
    static int finish(CommandSpec spec, BenchReport report, boolean failOnBudget) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.render());
        out.flush();
        List<BenchReport.Budget> missed = report.budgets().stream().filter(b -> !b.met()).toList();
        if (!missed.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            missed.forEach(b -> err.println("bench: budget missed: " + b.target() + " (measured " + b.measured() + ")"));
            err.flush();
        }
        return failOnBudget && !missed.isEmpty() ? ExitCodes.FAILED : ExitCodes.OK;
    }

    /** The load options both bench commands take. */
    static final class LoadFlags {
        @Option(names = "--rate", defaultValue = "2000", paramLabel = "REQ/S",
                description = "Requests per second of the latency runs (default: ${DEFAULT-VALUE}).")
        double rate;

        @Option(names = "--duration", defaultValue = "10s", paramLabel = "TIME", converter = DurationOption.class,
                description = "Measured window of each run, e.g. 10s, 500ms, 1m (default: ${DEFAULT-VALUE}).")
        Duration duration;

        @Option(names = "--warmup", defaultValue = "3s", paramLabel = "TIME", converter = DurationOption.class,
                description = "Load before each measured window, not counted (JIT, connections; "
                        + "default: ${DEFAULT-VALUE}).")
        Duration warmup;

        @Option(names = "--connections", defaultValue = "64", paramLabel = "N",
                description = "Connection pool of the latency runs; a request finding none free waits, and the wait "
                        + "counts in its latency (default: ${DEFAULT-VALUE}).")
        int connections;

        @Option(names = "--max-connections", defaultValue = "32", paramLabel = "N",
                description = "Requests in flight at once in the highest-rate runs, one per connection "
                        + "(default: ${DEFAULT-VALUE}).")
        int maxConnections;

        @Option(names = "--timeout", defaultValue = "2s", paramLabel = "TIME", converter = DurationOption.class,
                description = "A request that waits this long for a connection, or whose connection stays silent this "
                        + "long, is an error (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--fail-on-budget",
                description = "Exit with status 1 when a budget is missed (default: report it and exit 0).")
        boolean failOnBudget;

        /** @throws IllegalArgumentException naming the value that cannot be used */
        LoadOptions options() {
            return new LoadOptions(rate, warmup, duration, connections, maxConnections, timeout);
        }
    }

    /** Durations as the other options write them: 500ms, 10s, 1m. */
    static final class DurationOption implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return LoadOptions.parseDuration(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
