package dev.ficus.cli;

import dev.ficus.check.CheckOptions;
import dev.ficus.check.CheckReport;
import dev.ficus.check.Checker;
import dev.ficus.check.CountRow;
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
        LoadedConfig config = ConfigFiles.load(global.config);
        MagentoConfig magento = config.get(MagentoConfig.SECTION);
        PlatformConfig platform = config.get(PlatformConfig.SECTION);
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
