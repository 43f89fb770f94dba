package dev.ficus.bench.sync;

import dev.ficus.bench.load.RateSchedule;
import dev.ficus.bench.report.BenchReport;
import dev.ficus.bench.report.BenchTable;
import dev.ficus.bench.report.Latencies;
import dev.ficus.bench.report.Machine;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.devstack.DevStack;
import dev.ficus.devstack.DevStackSettings;
import dev.ficus.devstack.ServerChoice;
import dev.ficus.devstack.process.FileTrees;
import dev.ficus.events.Topics;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.magento.fixture.MagentoSeeder;
import dev.ficus.magento.fixture.SeedListener;
import dev.ficus.sync.SyncService;
import dev.ficus.sync.config.SyncConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code ficus bench sync}: the sync's initial snapshot throughput per fixture profile, its commit → published
 * latency at constant rates, and the highest rate it sustains, each on a fresh dev stack of the bench's own (embedded
 * servers on free ports in a temporary directory, removed afterwards), with Debezium alone as the baseline.
 */
public final class SyncBench {
    /** DESIGN.md's snapshot budget. */
    public static final double SNAPSHOT_BUDGET_PER_SECOND = 5_000;
    /** The sync's share of the commit → visible budget, checked at {@link #LATENCY_BUDGET_RATE}. */
    public static final double LATENCY_BUDGET_P99_MS = 50;
    public static final int LATENCY_BUDGET_RATE = 500;

    public static final String SNAPSHOT_TABLE = "Initial snapshot (sync start → last product event on "
            + Topics.PRODUCT + ")";
    public static final String SNAPSHOT_BASELINE_TABLE = "Baseline: Debezium alone reading the product tables "
            + "(snapshot, no pipeline)";
    public static final String STREAMING_TABLE = "Streaming: MariaDB commit → event read on " + Topics.PRODUCT;
    public static final String RAMP_TABLE = "Ramp to the highest sustained rate (ficus sync)";
    public static final String PIPELINE_SYNC = "ficus sync";
    public static final String PIPELINE_BASELINE = "Debezium alone (baseline)";

    private static final Duration FIRST_EVENT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration WARM_UP = Duration.ofSeconds(2);

    private final SyncBenchOptions options;
    private final BenchTable snapshots = new BenchTable(SNAPSHOT_TABLE, "profile", "products", "seconds",
            "products/s", "first event s", "products/s after first", "all events", "seconds (all)");
    private final BenchTable snapshotBaseline = new BenchTable(SNAPSHOT_BASELINE_TABLE, "profile", "rows",
            "seconds", "rows/s", "products/s equivalent");
    private final BenchTable streaming = new BenchTable(STREAMING_TABLE, "pipeline", "target/s", "achieved/s",
            "changes", "missing", "older values", "p50 ms", "p99 ms", "max ms", "commit p99 ms");
    private final BenchTable ramp = new BenchTable(RAMP_TABLE, "target/s", "achieved/s", "changes", "missing",
            "older values", "p99 ms", "outcome");
    private final List<SnapshotFigures> snapshotFigures = new ArrayList<>();
    private final List<StreamStep> syncSteps = new ArrayList<>();
    private SustainedRateSearch.Result rampResult;

    private SyncBench(SyncBenchOptions options) {
        this.options = options;
    }

    /** Runs everything the options ask for and returns the report; throws when something could not be measured. */
    public static BenchReport run(SyncBenchOptions options) throws Exception {
        return new SyncBench(options).runAll();
    }

    private BenchReport runAll() throws Exception {
        Path root = Files.createTempDirectory("ficus-bench-sync-");
        try {
            for (int i = 0; i < options.profiles().size(); i++) {
                runProfile(options.profiles().get(i), root.resolve(options.profiles().get(i).cliName()),
                        i == 0 && options.streams());
            }
        } finally {
            FileTrees.deleteRecursively(root);
        }
        return report();
    }

    private void runProfile(FixtureProfile profile, Path dir, boolean stream) throws Exception {
        DevStackSettings settings = new DevStackSettings(dir, true, ServerChoice.embedded(), ServerChoice.embedded(),
                ServerChoice.embedded());
        say("%s: starting a fresh dev stack in %s", profile.cliName(), dir);
        try (DevStack stack = DevStack.start(settings)) {
            say("%s: seeding the shop (%,d products)", profile.cliName(), profile.totalProducts());
            MagentoSeeder.seed(stack.mariadb(), profile, options.seed(), SeedListener.NONE);
            Map<String, Long> expected = SnapshotWatch.expected(stack.mariadb());
            LoadedConfig config = StackConfig.load(stack, dir, "bench", serverId(), "");
            // one load for both pipelines: its markers go on rising, so no UPDATE rewrites a row's current value
            // (MariaDB logs no row event for an update that changes nothing)
            try (PriceChanges load = stream ? new PriceChanges(stack.mariadb(), options.writers()) : null) {
                say("%s: starting the sync, timing its initial snapshot", profile.cliName());
                long startedAtMs = System.currentTimeMillis();
                try (SyncService sync = SyncService.start(config.get(SyncConfig.SECTION),
                        config.get(MagentoConfig.SECTION), config.get(PlatformConfig.SECTION))) {
                    SnapshotFigures figures = SnapshotWatch.await(stack.redis(), profile, expected, startedAtMs,
                            options.snapshotTimeout());
                    snapshotFigures.add(figures);
                    snapshots.row(profile.cliName(), count(figures.products()), seconds(figures.productSeconds()),
                            count(figures.productsPerSecond()), seconds(figures.firstProductSeconds()),
                            count(figures.productsPerSecondAfterFirst()), count(figures.events()),
                            seconds(figures.eventSeconds()));
                    say("%s: snapshot %,d products in %.1f s", profile.cliName(), figures.products(),
                            figures.productSeconds());
                    if (stream) {
                        try (TopicTail tail = new TopicTail(stack.redis(), Topics.PRODUCT)) {
                            streamThroughSync(load, tail);
                        }
                    }
                }
                if (stream && options.baseline() && !options.rates().isEmpty()) {
                    // the sync is stopped first, so that the baseline has the machine to itself, as the sync had
                    LoadedConfig baseline = StackConfig.load(stack, dir, "baseline", serverId(),
                            "tables: [catalog_product_entity_decimal]\nsnapshot:\n  mode: no_data\n");
                    try (DebeziumTail tail = new DebeziumTail(baseline)) {
                        measureRates(PIPELINE_BASELINE, load, tail, null);
                    }
                }
            }
            if (options.baseline()) {
                say("%s: timing Debezium alone reading the product tables", profile.cliName());
                LoadedConfig baseline = StackConfig.load(stack, dir, "baseline_snapshot", serverId(),
                        "tables: [" + String.join(", ", DebeziumSnapshot.PRODUCT_TABLES) + "]\n");
                DebeziumSnapshot.Figures raw = DebeziumSnapshot.measure(baseline, stack.mariadb(),
                        options.snapshotTimeout());
                snapshotBaseline.row(profile.cliName(), count(raw.rows()), seconds(raw.seconds()),
                        count(raw.rows() / raw.seconds()), count(expected.get(Topics.PRODUCT) / raw.seconds()));
            }
        }
    }

    private void streamThroughSync(PriceChanges load, TopicTail tail) throws Exception {
        measureRates(PIPELINE_SYNC, load, tail, syncSteps);
        if (options.ramp() != null) {
            rampResult = options.ramp().run(rate -> {
                try {
                    say("ramp: %,d changes/s for %d s", rate, options.rampStep().toSeconds());
                    StreamStep step = step(load, tail, rate, options.rampStep());
                    StepOutcome outcome = options.criteria().judge(step);
                    ramp.row(count(rate), count(step.achievedPerSecond()), count(step.committed()),
                            count(step.missing()), count(step.olderValues()), ms(step.latency().p99Ms()),
                            outcome.name().toLowerCase(Locale.ROOT).replace('_', ' '));
                    return outcome;
                } catch (Exception e) {
                    throw new IllegalStateException("ramp step at " + rate + " changes/s failed: " + e.getMessage(), e);
                }
            });
        }
    }

    private void measureRates(String pipeline, PriceChanges load, MarkerTail tail, List<StreamStep> keep)
            throws Exception {
        say("%s: waiting for the first change to come through", pipeline);
        // a probe a second: a change written before the binlog reader connected is never seen
        long deadline = System.nanoTime() + FIRST_EVENT_TIMEOUT.toNanos();
        while (true) {
            long probe = load.reserve(1);
            load.writeNow(probe);
            if (tail.awaitSeen(probe, Duration.ofSeconds(1))) {
                break;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(pipeline + ": no change came through within "
                        + FIRST_EVENT_TIMEOUT.toSeconds() + " s");
            }
        }
        // the same short warm-up for both pipelines, so neither is measured while its JIT is still cold
        step(load, tail, options.rates().isEmpty() ? 50 : Math.min(100, options.rates().get(0)), WARM_UP);
        for (int rate : options.rates()) {
            say("%s: %,d changes/s for %d s", pipeline, rate, options.stepDuration().toSeconds());
            StreamStep s = step(load, tail, rate, options.stepDuration());
            if (keep != null) {
                keep.add(s);
            }
            streaming.row(pipeline, count(rate), count(s.achievedPerSecond()), count(s.committed()),
                    count(s.missing()), count(s.olderValues()), ms(s.latency().p50Ms()), ms(s.latency().p99Ms()),
                    ms(s.latency().maxMs()), ms(s.commit().p99Ms()));
        }
    }

    private StreamStep step(PriceChanges load, MarkerTail tail, int rate, Duration duration) throws Exception {
        RateSchedule schedule = new RateSchedule(rate);
        long count = Math.max(1, schedule.requestsWithin(duration.toNanos()));
        long first = load.reserve(count);
        MarkerMatcher matcher = new MarkerMatcher(first, Math.toIntExact(count), load.period());
        Latencies commits = new Latencies();
        tail.route(matcher);
        try {
            long start = System.nanoTime();
            long last = load.run(schedule, count, first, matcher, commits);
            matcher.awaitPublished(last + options.grace().toNanos());
            tail.failure();
            double elapsed = Math.max(schedule.offsetNanos(count), last - start) / 1e9;
            long committed = matcher.committedCount();
            return new StreamStep(rate, committed / elapsed, committed, matcher.missing(), matcher.olderValues(),
                    matcher.latency(), commits.summary());
        } finally {
            tail.route(null);
        }
    }

    private BenchReport report() {
        BenchReport report = new BenchReport("sync", Machine.current()).table(snapshots);
        if (options.baseline()) {
            report.table(snapshotBaseline);
        }
        if (!options.rates().isEmpty()) {
            report.table(streaming);
        }
        if (rampResult != null) {
            report.table(ramp);
            report.table(new BenchTable("Highest sustained rate", "pipeline", "sustained")
                    .row(PIPELINE_SYNC, rampResult.describe()));
        }
        for (SnapshotFigures f : snapshotFigures) {
            report.budget(String.format(Locale.ROOT, "initial snapshot >= %,.0f products/s (%s)",
                            SNAPSHOT_BUDGET_PER_SECOND, f.profile().cliName()),
                    count(f.productsPerSecond()) + " products/s", f.productsPerSecond() >= SNAPSHOT_BUDGET_PER_SECOND);
        }
        for (int i = 0; i < options.rates().size(); i++) {
            if (options.rates().get(i) == LATENCY_BUDGET_RATE && i < syncSteps.size()) {
                StreamStep s = syncSteps.get(i);
                report.budget(String.format(Locale.ROOT, "p99 commit → published < %.0f ms at %d changes/s",
                                LATENCY_BUDGET_P99_MS, LATENCY_BUDGET_RATE),
                        ms(s.latency().p99Ms()) + " ms" + (s.missing() > 0 ? ", " + s.missing() + " missing" : ""),
                        s.latency().p99Ms() < LATENCY_BUDGET_P99_MS && s.missing() == 0);
            }
        }
        if (!options.rates().contains(LATENCY_BUDGET_RATE)) {
            report.note("The latency budget is set at " + LATENCY_BUDGET_RATE + " changes/s; --rates did not "
                    + "include it, so it was not checked.");
        }
        report.note("Snapshot: from the moment SyncService.start was called (engine start and schema read "
                + "included) to the Redis entry id (the server's clock at XADD, ms) of the last event on "
                + Topics.PRODUCT + "; the budget is checked against this figure. 'products/s after first' leaves out "
                + "the time to the first product event (engine start, schema read), which dominates a small shop; "
                + "'all events' counts every migration topic (products, customers, orders, stock). Each profile "
                + "runs on a fresh stack with the sync's default settings; the first one in a JVM that has not run a "
                + "sync before, as 'ficus sync' starts (class loading is part of its time to the first event).");
        report.note("Streaming: an open-loop load of single-row autocommit UPDATEs of a product's store-level price "
                + "(catalog_product_entity_decimal, as Magento's saveAttribute() writes it), each a unique value, "
                + "across up to 2,000 products in turn. Latency = the time XREAD on " + Topics.PRODUCT
                + " returned the event carrying that value − the time the UPDATE's commit returned to the writer, "
                + "both on this JVM's monotonic clock. 'missing' = changes not seen within the grace period of "
                + options.grace().toMillis() + " ms after the step's last commit. 'older values' = events that "
                + "carried a price older than the step's changes: while the load runs only its own changes make "
                + "events, so such an event read its product before the change that caused it was visible "
                + "(expected 0). 'commit p99' = due time → commit returned: the MariaDB floor under the load, and a "
                + "check that the writers kept the schedule.");
        if (options.baseline()) {
            report.note("Snapshot baseline: Debezium's embedded engine alone, with the connector properties the sync "
                    + "derives, snapshotting only the tables a product event is built from ("
                    + String.join(", ", DebeziumSnapshot.PRODUCT_TABLES) + "), timed from the engine's creation to "
                    + "the batch holding the last row; run after the sync was stopped, on the same shop. 'products/s "
                    + "equivalent' = the profile's products / those seconds: the most the sync's snapshot could "
                    + "reach with these connector settings on this machine.");
        }
        if (options.baseline() && !options.rates().isEmpty()) {
            report.note("Latency baseline: Debezium's embedded engine alone, with the connector properties the "
                    + "sync derives (same connector, poll interval and batch size), capturing only "
                    + "catalog_product_entity_decimal, timed when its batch callback receives the row; run after the sync was stopped, on the same "
                    + "shop and load. The difference to 'ficus sync' is what extraction, the id map, XADD and a "
                    + "consumer's XREAD add.");
        }
        if (rampResult != null) {
            report.note("Ramp: steps of " + options.rampStep().toSeconds() + " s, rising x"
                    + options.ramp().factor() + " from " + options.ramp().start() + " up to " + options.ramp().max()
                    + " changes/s, then " + options.ramp().refinements() + " halvings of the gap; "
                    + options.criteria().describe() + ".");
        }
        report.note("One run on a machine that may be busy with other work: compare figures of one run with each "
                + "other (the baseline ran on the same machine at the same time), and re-run before trusting a "
                + "single number.");
        return report;
    }

    private void say(String format, Object... args) {
        options.progress().accept(String.format(Locale.ROOT, format, args));
    }

    private static int serverId() {
        return ThreadLocalRandom.current().nextInt(10_000, 1_000_000);
    }

    private static String count(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String ms(double value) {
        return Latencies.Summary.ms(value);
    }
}
