package dev.ficus.cli;

import dev.ficus.core.config.ConfigSection;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.services.ServicesConfig;
import dev.ficus.sync.config.SyncConfig;
import dev.ficus.sync.preflight.PreflightConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * Every component's configuration section: the production ones, then those of the tools on the classpath. All are
 * read by every command, so a typo anywhere is caught.
 */
public final class Sections {
    static final List<ConfigSection<?>> PRODUCTION = List.of(
            MagentoConfig.SECTION,
            PlatformConfig.SECTION,
            PreflightConfig.SECTION,
            SyncConfig.SECTION,
            ServicesConfig.SECTION,
            GatewayConfig.SECTION);

    private Sections() {
    }

    /** The tools' sections first (a developer meets {@code devstack} first), then the production ones. */
    public static List<ConfigSection<?>> all() {
        List<ConfigSection<?>> all = new ArrayList<>();
        Tools.loaded().forEach(t -> all.addAll(t.configSections()));
        all.addAll(PRODUCTION);
        return List.copyOf(all);
    }
}
