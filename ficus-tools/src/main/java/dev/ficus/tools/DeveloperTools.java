package dev.ficus.tools;

import dev.ficus.cli.spi.ToolCommands;
import dev.ficus.core.config.ConfigSection;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.Secret;
import dev.ficus.magento.rest.MagentoStandInConfig;
import java.util.List;
import java.util.Optional;

/**
 * The developer's commands on the {@code ficus} command line: {@code dev}, {@code magento}, {@code seed} and
 * {@code bench}, with the sections they read ({@code devstack}, the stand-in's). Registered in
 * {@code META-INF/services}; the production distribution lacks this module and so these commands.
 */
public final class DeveloperTools implements ToolCommands {

    @Override
    public List<Object> commands() {
        return List.of(new DevCommand(), new MagentoCommand(), new SeedCommand(), new BenchCommand());
    }

    @Override
    public List<ConfigSection<?>> configSections() {
        return List.of(DevStackSection.SECTION, MagentoStandInConfig.SECTION);
    }

    /** The token {@code ficus dev} generated into {@code <devstack.work_dir>/admin-token}, if it did. */
    @Override
    public Optional<Secret> adminToken(LoadedConfig config) {
        return DevAdminToken.load(config.get(DevStackSection.SECTION).workDir());
    }
}
