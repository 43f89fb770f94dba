package dev.ficus.cli;

import dev.ficus.core.config.ConfigSection;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.sync.preflight.PreflightConfig;
import dev.ficus.magento.rest.MagentoStandInConfig;
import dev.ficus.services.ServicesConfig;
import dev.ficus.sync.config.SyncConfig;
import java.util.List;

/** Every component's configuration section. All are read by every command, so a typo anywhere is caught. */
final class Sections {
    static final List<ConfigSection<?>> ALL = List.of(
            DevStackSection.SECTION,
            MagentoConfig.SECTION,
            PlatformConfig.SECTION,
            MagentoStandInConfig.SECTION,
            PreflightConfig.SECTION,
            SyncConfig.SECTION,
            ServicesConfig.SECTION,
            GatewayConfig.SECTION);

    private Sections() {
    }
}
