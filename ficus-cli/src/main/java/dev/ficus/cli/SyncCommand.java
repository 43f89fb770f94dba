package dev.ficus.cli;

import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.sync.SyncService;
import dev.ficus.sync.config.SyncConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "sync", mixinStandardHelpOptions = true,
        description = {
            "Run the sync: Magento's binlog to the migration topics.",
            "",
            "Debezium reads Magento's binlog (magento.database; snapshot first, then streaming), the sync maps "
                + "Magento ids to UUIDs in platform.postgres, flattens EAV products, and publishes one CloudEvent per "
                + "entity change to the migration.* topics on platform.redis. Settings: section 'sync' "
                + "(sync.debezium.* passes any Debezium property through).",
            "",
            "Runs 'ficus preflight' first, at every start: when Magento's database fails a check (binlog off or not "
                + "ROW, missing grants, a captured table missing), the sync does not start and the report with its "
                + "fixes is printed (exit status 1)."})
final class SyncCommand extends ForegroundCommand {
    @Mixin
    SyncPreflight preflight;

    @Override
    protected String title() {
        return "Ficus sync";
    }

    @Override
    protected void start(LoadedConfig config, Running running) throws Exception {
        MagentoConfig magento = config.get(MagentoConfig.SECTION);
        PlatformConfig platform = config.get(PlatformConfig.SECTION);
        preflight.require(config, magento.database());
        SyncService sync = running.add("sync", SyncService.start(config.get(SyncConfig.SECTION), magento, platform));
        running.row("sync (binlog -> topics)", "http://127.0.0.1:" + sync.port() + "/metrics",
                "source " + magento.database().mariadbJdbcUrl() + ", topics on " + platform.redis().display());
    }
}
