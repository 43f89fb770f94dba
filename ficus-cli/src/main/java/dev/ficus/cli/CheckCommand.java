package dev.ficus.cli;

import dev.ficus.check.CheckOptions;
import dev.ficus.check.CheckReport;
import dev.ficus.check.Checker;
import dev.ficus.check.CountRow;
import dev.ficus.check.PeriodicCheck;
import dev.ficus.check.Progress;
import dev.ficus.check.ProgressLine;
import dev.ficus.check.Republisher;
import dev.ficus.check.Target;
import dev.ficus.core.config.ConfigReader;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.core.json.Json;
import dev.ficus.events.Domain;
import dev.ficus.sync.config.SyncConfig;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {
            "Compare the platform with Magento, entity by entity and field by field.",
            "",
            "For each entity, what the platform should hold is built from Magento's database (magento.database) "
                + "with the sync's own extraction, and compared with what the read services' tables hold "
                + "(platform.postgres): the UUID and the columns the service copies out, then every field of the "
                + "record. Reported per entity: missing, extra (deleted in Magento, still in the platform), each "
                + "differing field with both values, and the lag (the platform's updated_at against Magento's, and "
                + "the time since the entity last changed). An entity that differs is read again after the lag limit: "
                + "a change still on its way then counts as caught up. Then the counts: magento_id_map per entity "
                + "type and each read model against Magento's entities.",
            "",
            "--repair re-publishes the mismatched entities through the sync's path (extraction, id map, the "
                + "migration topics on platform.redis), waits for the services to apply them and checks them again.",
            "",
            "--every 15m runs the check again and again (the next run starts 15 minutes after the last one started) "
                + "and serves its figures as Prometheus gauges on --metrics-host:--metrics-port/metrics "
                + "(ficus_check_mismatches, ficus_check_lag_seconds and ficus_check_entities_checked per domain, "
                + "ficus_check_last_run_timestamp_seconds, ficus_check_run_failures_total) beside /health/live and "
                + "/health/ready; it runs until stopped, and a run that cannot complete (a database down) is counted "
                + "and logged, and the next one tries again. Without --every the check runs once (as a CronJob "
                + "does): its result is its exit status and its output.",
            "",
            "Exit status 0 when every entity matches within the lag limit and every count agrees, 1 otherwise."})
final class CheckCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DOMAIN|all",
            description = "catalog (products and their stock items), customer, order, inventory, or all.")
    String domain;

    @ArgGroup(exclusive = true)
    Selection selection = new Selection();

    static final class Selection {
        @Option(names = "--sample", paramLabel = "N", description = "Check N entities per table picked at random "
                + "(from Magento's and from the platform's, so extra ones can be found too). Default: 100.")
        Integer sample;

        @Option(names = "--all", description = "Check every entity.")
        boolean all;

        @Option(names = "--counts", description = "Only the counts: the id map and the read models against Magento.")
        boolean countsOnly;
    }

    @Option(names = "--repair", description = "Re-publish the mismatched entities through the sync's path, then check "
            + "them again and report what was fixed.")
    boolean repair;

    @Option(names = "--lag-limit", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "How far behind Magento an entity may be (default: ${DEFAULT-VALUE}).")
    Duration lagLimit;

    @Option(names = "--repair-wait", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "How long repaired entities have to reach the read models (default: ${DEFAULT-VALUE}).")
    Duration repairWait;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Chunks of 1,000 entities checked at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--every", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Check again every DURATION (15m, 1h …) and export the figures as Prometheus gauges "
                    + "instead of printing a report; runs until stopped.")
    Duration every;

    @Option(names = "--metrics-host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "With --every: the address /metrics and /health/* bind to (default: ${DEFAULT-VALUE}, this "
                    + "host only; bind 0.0.0.0 where Prometheus scrapes from another host, as in a pod).")
    String metricsHost;

    @Option(names = "--metrics-port", paramLabel = "PORT", defaultValue = "" + DEFAULT_METRICS_PORT,
            description = "With --every: the port of /metrics and /health/* (default: ${DEFAULT-VALUE}; 0 picks a "
                    + "free one).")
    int metricsPort;

    /** Next to the sync's 8010: the processes of one host each have their own. */
    static final int DEFAULT_METRICS_PORT = 8011;

    @Option(names = "--json", description = "Print the report as JSON (for scripts) instead of tables.")
    boolean json;

    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return ConfigReader.parseDuration(value);
        }
    }

    @Override
    public Integer call() throws Exception {
        List<Target> targets = Target.of(domain());
        if (parallel < 1) {
            throw new ParameterException(spec.commandLine(), "--parallel must be 1 or more");
        }
        int sample = selection.all ? 0 : selection.sample == null ? 100 : selection.sample;
        if (!selection.all && sample < 1) {
            throw new ParameterException(spec.commandLine(), "--sample must be 1 or more");
        }
        if (every != null) {
            requirePeriodicOptions();
        }
        LoadedConfig config = ConfigFiles.load(global.config);
        MagentoConfig magento = config.get(MagentoConfig.SECTION);
        PlatformConfig platform = config.get(PlatformConfig.SECTION);
        if (every != null) {
            return periodic(targets, sample, magento, platform);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Checker checker = Checker.connect(magento.database(), platform.postgres(), parallel)) {
            List<CountRow> counts = checker.counts(targets);
            boolean countsOk = counts.stream().allMatch(CountRow::ok);
            if (selection.countsOnly) {
                com.fasterxml.jackson.databind.node.ArrayNode rows = Json.mapper().createArrayNode();
                counts.forEach(r -> rows.add(r.toJson()));
                out.print(json ? pretty(rows) : CheckReport.countTable(counts));
                out.flush();
                return countsOk ? ExitCodes.OK : ExitCodes.FAILED;
            }
            Progress progress = json ? Progress.NONE : new ProgressLine(System.err, System.console() != null);
            CheckReport report = checker.check(new CheckOptions(targets, sample, lagLimit, parallel), progress);
            if (repair) {
                try (Republisher republisher = Republisher.open(magento.database(), platform,
                        config.get(SyncConfig.SECTION))) {
                    checker.repair(report, republisher, repairWait);
                }
            }
            report.counts(counts);
            out.print(json ? pretty(report.toJson()) : report.toTable());
            out.flush();
            return report.passed() && countsOk ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }

    private void requirePeriodicOptions() {
        if (every.isZero() || every.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--every must be a positive duration such as 15m");
        }
        if (repair || selection.countsOnly || json) {
            throw new ParameterException(spec.commandLine(),
                    "--every exports gauges: it does not go with --repair, --counts or --json");
        }
        if (metricsPort < 0 || metricsPort > 65535) {
            throw new ParameterException(spec.commandLine(), "--metrics-port must be 0-65535");
        }
    }

    /**
     * The loop of {@code --every}: each run connects afresh, so a database that was down at one run is found again
     * at the next. Runs until Ctrl-C or SIGTERM.
     */
    private int periodic(List<Target> targets, int sample, MagentoConfig magento, PlatformConfig platform)
            throws Exception {
        CheckOptions options = new CheckOptions(targets, sample, lagLimit, parallel);
        PeriodicCheck.Run run = () -> {
            try (Checker checker = Checker.connect(magento.database(), platform.postgres(), parallel)) {
                return checker.check(options, Progress.NONE);
            }
        };
        Running running = new Running();
        running.stopOnShutdown();
        boolean interrupted = false;
        try {
            running.add("check", PeriodicCheck.start(run, every, targets, metricsHost, metricsPort));
            running.awaitStopped();
        } catch (InterruptedException e) {
            // asked to stop, as Ctrl-C asks: not a failure
            interrupted = true;
        } finally {
            // after the shutdown hook this does nothing; after an interrupt it stops the loop and the server
            running.close();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return ExitCodes.OK;
    }

    private Domain domain() {
        if (domain.equalsIgnoreCase("all")) {
            return null;
        }
        return Domain.byId(domain).orElseThrow(() -> new ParameterException(spec.commandLine(),
                "unknown domain '" + domain + "': catalog, customer, order, inventory or all"));
    }

    private static String pretty(Object json) throws Exception {
        return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json) + System.lineSeparator();
    }
}
