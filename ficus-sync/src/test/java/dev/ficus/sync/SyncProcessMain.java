package dev.ficus.sync;

import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.sync.config.SyncConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Runs a {@link SyncService} in a JVM of its own, for tests that kill it abruptly. Argument: a YAML configuration
 * file. Prints {@code PORT <n>} once serving, then runs until killed.
 */
public final class SyncProcessMain {
    private SyncProcessMain() {
    }

    public static void main(String[] args) throws Exception {
        LoadedConfig c = ConfigLoader.load(ConfigSource.load(Path.of(args[0]), Map.of()),
                List.of(SyncConfig.SECTION, MagentoConfig.SECTION, PlatformConfig.SECTION));
        SyncService sync = SyncService.start(c.get(SyncConfig.SECTION), c.get(MagentoConfig.SECTION),
                c.get(PlatformConfig.SECTION));
        System.out.println("PORT " + sync.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
