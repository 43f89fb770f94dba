package dev.ficus.sync.preflight;

import dev.ficus.core.config.ConfigReader;
import dev.ficus.core.config.ConfigSection;
import java.time.Duration;

/**
 * Section {@code preflight}: what preflight demands beyond the sync's own settings (server id and tables come from
 * {@code sync.*}, the database and login from {@code magento.database.*}).
 */
public record PreflightConfig(Duration minBinlogRetention) {

    public static final Duration DEFAULT_MIN_RETENTION = Duration.ofDays(3);

    public static final ConfigSection<PreflightConfig> SECTION = new ConfigSection<>() {
        @Override
        public String name() {
            return "preflight";
        }

        @Override
        public String description() {
            return "checks of Magento's database before a sync starts";
        }

        @Override
        public PreflightConfig read(ConfigReader r) {
            return new PreflightConfig(r.duration("min_binlog_retention", DEFAULT_MIN_RETENTION,
                    "Shortest binlog retention accepted: the longest the sync may be down without losing its place."));
        }
    };
}
