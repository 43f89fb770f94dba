package dev.ficus.cli;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.sync.config.SyncConfig;
import dev.ficus.sync.preflight.Preflight;
import dev.ficus.sync.preflight.PreflightConfig;
import dev.ficus.sync.preflight.PreflightReport;
import dev.ficus.sync.preflight.PreflightSettings;
import dev.ficus.sync.preflight.ServerFlavor;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/**
 * {@code ficus preflight}'s checks as the gate of every sync start ({@code ficus sync}, {@code ficus dev}): a source
 * the sync cannot read correctly (binlog off or not ROW, missing grants, a captured table missing) stops the start
 * with the report and its fixes, instead of a sync that sends every change of a missing table to the dead letters.
 * A command mixes this in for its {@code --skip-preflight} option.
 */
public final class SyncPreflight {
    private static final Logger LOG = LoggerFactory.getLogger(SyncPreflight.class);

    @Option(names = "--skip-preflight",
            description = "Start the sync without checking Magento's database first (binlog, grants, captured tables; "
                    + "see 'ficus preflight'). For experts who know why a check fails; logged as a WARN at every start.")
    boolean skip;

    /** What {@code ficus preflight} and the gate check: the sync's login, server id, tables and connector. */
    static PreflightSettings settings(LoadedConfig config, DatabaseEndpoint source) {
        SyncConfig sync = config.get(SyncConfig.SECTION);
        ServerFlavor flavor = sync.connector() == SyncConfig.Connector.MARIADB ? ServerFlavor.MARIADB : ServerFlavor.MYSQL;
        return new PreflightSettings(source, sync.serverId(), sync.tables(),
                config.get(PreflightConfig.SECTION).minBinlogRetention(), Optional.of(flavor));
    }

    /**
     * Runs preflight against {@code source} (where the sync will read), unless skipped.
     *
     * @throws UserFacingException with the report when a check fails
     */
    public void require(LoadedConfig config, DatabaseEndpoint source) {
        String where = source.host() + ":" + source.port() + "/" + source.database();
        if (skip) {
            LOG.warn("--skip-preflight: the sync starts without checking Magento's database at {} (binlog, grants, "
                    + "captured tables); run 'ficus preflight' to see what it would have found", where);
            return;
        }
        PreflightReport report = Preflight.run(settings(config, source));
        if (!report.passed()) {
            throw new UserFacingException("Magento's database at " + where + " fails preflight, so the sync does not "
                    + "start:\n\n" + report.toTable() + "\nFix these and start again ('ficus preflight' checks "
                    + "again). --skip-preflight starts anyway, for experts who know why a check fails.");
        }
        LOG.info("preflight passed for Magento's database at {} ({} checks)", where, report.checks().size());
    }
}
