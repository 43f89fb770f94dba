package dev.ficus.tools;

import dev.ficus.bench.report.BenchReport;
import dev.ficus.bench.sync.SustainCriteria;
import dev.ficus.bench.sync.SustainedRateSearch;
import dev.ficus.bench.sync.SyncBench;
import dev.ficus.bench.sync.SyncBenchOptions;
import dev.ficus.cli.ExitCodes;
import dev.ficus.cli.GlobalOptions;
import dev.ficus.cli.UserFacingException;
import dev.ficus.magento.fixture.FixtureProfile;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "sync", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Benchmark the sync: initial snapshot products/s, commit → published latency, highest sustained rate.",
            "",
            "Runs the sync (Magento's binlog → Debezium → migration topics on Redis) on a fresh dev stack of "
                    + "its own (embedded servers on free ports in a temporary directory, removed afterwards); "
                    + "--config is not read. Progress goes to stderr, the Markdown report to stdout. It measures:",
            "1. Initial snapshot, per fixture profile, each seeded on its own fresh stack: products/s from the moment "
                    + "the sync starts to the last event on migration.product.changed (taken from the Redis entry "
                    + "ids, the server's clock at XADD); also the time to the first product event, the rate after "
                    + "it, and the events of every topic with the seconds to the last one.",
            "2. Streaming latency, on the first profile's shop after its snapshot: an open-loop load (constant rate, "
                    + "each change due at its time whatever the earlier ones did) of single-row autocommit UPDATEs "
                    + "of a product's price (catalog_product_entity_decimal), each writing a unique value. Latency "
                    + "= when XREAD on migration.product.changed returned the event carrying that value − when the "
                    + "UPDATE's commit returned to the writer. Per rate: p50, p99, max, the changes still missing "
                    + "--grace after the last commit, and the writers' own commit p99 (the MariaDB floor).",
            "3. The highest sustained rate: constant-rate steps from --ramp-start, times --ramp-factor per step up "
                    + "to --ramp-max, then --ramp-refine halvings of the gap between the last sustained and the "
                    + "first failing rate. A rate is sustained when the writers commit at >= 95%% of it, every "
                    + "change is published by the step's end plus --grace, and p99 <= --sustained-p99 (a sync that "
                    + "falls behind builds a backlog whose latency grows for the whole step, so it crosses that "
                    + "bound).",
            "Baseline: Debezium's embedded engine alone (the sync's connector properties, only the price table, no "
                    + "snapshot) at the same rates, timed when its batch callback gets the row; run after the sync "
                    + "is stopped, on the same shop and load. The gap to the sync is what our pipeline adds.",
            "Budgets (DESIGN.md): snapshot >= 5,000 products/s for each profile; p99 < 50 ms at 500 changes/s "
                    + "(checked only when --rates includes 500).",
            ""},
        footer = {"",
            "Exit status: 0 when every figure was measured, whether or not the budgets were met (the report says "
                    + "which were: on a busy machine a missed budget is a figure, not a failure), unless --fail-on-budget "
                    + "is given, which makes a missed budget exit 1. 1 also when something could not be measured (a "
                    + "server did not start, a snapshot did not finish within --snapshot-timeout, no change came "
                    + "through). 2 for a bad command line."})
final class BenchSyncCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--profiles", split = ",", defaultValue = "small,medium", paramLabel = "PROFILE",
            description = "Fixture profiles whose initial snapshot is timed, each on its own fresh stack, in this "
                    + "order; streaming runs on the first one (default: ${DEFAULT-VALUE}; small = 1,200 products, "
                    + "medium = 40,000 and takes about 50 s to seed, large = 324,000).")
    List<String> profiles;

    @Option(names = "--rates", split = ",", defaultValue = "100,500", paramLabel = "N",
            description = "Changes per second at which the streaming latency is measured, one step each "
                    + "(default: ${DEFAULT-VALUE}); empty (--rates=) skips them and the baseline.")
    List<String> rates;

    @Option(names = "--duration", defaultValue = "10", paramLabel = "SECONDS",
            description = "How long each of --rates is held (default: ${DEFAULT-VALUE}).")
    int durationSeconds;

    @Option(names = "--writers", defaultValue = "4", paramLabel = "N",
            description = "Writer threads keeping the schedule, one MariaDB connection each (default: "
                    + "${DEFAULT-VALUE}); raise it when the report shows achieved/s below target/s.")
    int writers;

    @Option(names = "--ramp", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Search for the highest sustained rate (default: on; --no-ramp skips it).")
    boolean ramp;

    @Option(names = "--ramp-start", defaultValue = "250", paramLabel = "N",
            description = "First rate of the ramp, changes/s (default: ${DEFAULT-VALUE}).")
    int rampStart;

    @Option(names = "--ramp-max", defaultValue = "16000", paramLabel = "N",
            description = "Highest rate the ramp tries, changes/s (default: ${DEFAULT-VALUE}).")
    int rampMax;

    @Option(names = "--ramp-factor", defaultValue = "2", paramLabel = "X",
            description = "Each ramp step's rate is the last one times this (default: ${DEFAULT-VALUE}).")
    double rampFactor;

    @Option(names = "--ramp-refine", defaultValue = "2", paramLabel = "N",
            description = "Halvings of the gap between the last sustained and the first failing rate "
                    + "(default: ${DEFAULT-VALUE}).")
    int rampRefine;

    @Option(names = "--ramp-step", defaultValue = "10", paramLabel = "SECONDS",
            description = "How long each ramp step is held (default: ${DEFAULT-VALUE}).")
    int rampStepSeconds;

    @Option(names = "--sustained-p99", defaultValue = "250", paramLabel = "MS",
            description = "Highest p99 commit → published of a sustained step, ms (default: ${DEFAULT-VALUE}).")
    double sustainedP99Ms;

    @Option(names = "--grace", defaultValue = "5", paramLabel = "SECONDS",
            description = "How long after a step's last commit its changes may still arrive; later ones count as "
                    + "missing (default: ${DEFAULT-VALUE}).")
    int graceSeconds;

    @Option(names = "--baseline", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Measure Debezium alone at --rates too (default: on; --no-baseline skips it).")
    boolean baseline;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N",
            description = "Fixture seed; the same seed gives the same shop (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--snapshot-timeout", defaultValue = "600", paramLabel = "SECONDS",
            description = "Longest wait for one profile's snapshot before the bench fails (default: "
                    + "${DEFAULT-VALUE}).")
    int snapshotTimeoutSeconds;

    @Option(names = "--fail-on-budget",
            description = "Exit 1 when a budget is missed (by default the report shows it and the exit status is 0).")
    boolean strict;

    @Override
    public Integer call() {
        SyncBenchOptions options = options();
        PrintWriter err = spec.commandLine().getErr();
        BenchReport report;
        try {
            report = SyncBench.run(options);
        } catch (Exception e) {
            if (global.verbose()) {
                e.printStackTrace(err);
            }
            throw new UserFacingException("bench sync could not measure: " + e.getMessage()
                    + (global.verbose() ? "" : " (run again with --verbose for the stack trace)"));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(report.render());
        out.flush();
        if (strict && !report.allBudgetsMet()) {
            err.println("ficus: bench sync: a budget was missed (--fail-on-budget)");
            err.flush();
            return ExitCodes.FAILED;
        }
        return ExitCodes.OK;
    }

    private SyncBenchOptions options() {
        try {
            List<FixtureProfile> chosen = new ArrayList<>();
            for (String p : profiles) {
                chosen.add(FixtureProfile.parse(p));
            }
            PrintWriter err = spec.commandLine().getErr();
            List<Integer> perSecond = new ArrayList<>();
            for (String rate : rates) {
                if (!rate.isBlank()) {
                    perSecond.add(Integer.parseInt(rate.trim()));
                }
            }
            return new SyncBenchOptions(chosen, perSecond, seconds(durationSeconds, "--duration"),
                    writers, ramp ? new SustainedRateSearch(rampStart, rampMax, rampFactor, rampRefine) : null,
                    seconds(rampStepSeconds, "--ramp-step"), new SustainCriteria(0.95, sustainedP99Ms),
                    seconds(graceSeconds, "--grace"), baseline, seed,
                    seconds(snapshotTimeoutSeconds, "--snapshot-timeout"), line -> {
                        err.println("bench sync: " + line);
                        err.flush();
                    });
        } catch (NumberFormatException e) {
            throw new ParameterException(spec.commandLine(), "--rates takes whole changes per second, e.g. 100,500: "
                    + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static Duration seconds(int value, String option) {
        if (value < 1) {
            throw new IllegalArgumentException(option + " must be at least 1 second, was " + value);
        }
        return Duration.ofSeconds(value);
    }
}
