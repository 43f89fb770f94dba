package dev.ficus.cli;

import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.json.Json;
import dev.ficus.sync.preflight.Preflight;
import dev.ficus.sync.preflight.PreflightReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "preflight", mixinStandardHelpOptions = true,
        description = {
            "Check Magento's database is ready for the sync.",
            "",
            "Checks: binlog on, ROW format, FULL row image, a server id other than the sync's (sync.server_id), "
                + "binlog retention of at least preflight.min_binlog_retention, the sync login's grants (SELECT, "
                + "RELOAD, SHOW DATABASES, REPLICATION SLAVE, REPLICATION CLIENT or BINLOG MONITOR), every table in "
                + "sync.tables present with a primary key, and MySQL or MariaDB as sync.connector expects. Prints a "
                + "pass/fail table with the fix for each failure (the my.cnf line, the GRANT).",
            "",
            "Exit status 0 when every check passes, 1 when one fails. 'ficus sync' and 'ficus dev' run the same "
                + "checks at every start and do not start on a failure (unless --skip-preflight)."})
final class PreflightCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the report as JSON (for scripts) instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        LoadedConfig config = ConfigFiles.load(global.config);
        MagentoConfig magento = config.get(MagentoConfig.SECTION);
        PreflightReport report = Preflight.run(SyncPreflight.settings(config, magento.database()));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report.toJson()) + System.lineSeparator() : report.toTable());
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.FAILED;
    }
}
