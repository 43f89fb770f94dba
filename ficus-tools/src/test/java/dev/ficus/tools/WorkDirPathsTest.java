package dev.ficus.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cli.Sections;
import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.sync.config.SyncConfig;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ficus dev's files follow devstack.work_dir; a key that is set keeps its value. */
class WorkDirPathsTest {

    @Test
    void defaultPathsMoveUnderTheWorkDirectoryNamedByTheEnvironment() {
        LoadedConfig config = load("", Map.of("FICUS_DEVSTACK_WORK_DIR", "/tmp/x"));
        WorkDirPaths paths = new WorkDirPaths(config.get(DevStackSection.SECTION).workDir(), config);

        SyncConfig sync = paths.sync(config.get(SyncConfig.SECTION));
        GatewayConfig gateway = paths.gateway(config.get(GatewayConfig.SECTION));

        assertThat(sync.offsets().file()).isEqualTo(Path.of("/tmp/x/sync/offsets.dat"));
        assertThat(sync.offsets().historyFile()).isEqualTo(Path.of("/tmp/x/sync/schema-history.dat"));
        assertThat(gateway.flags().path()).isEqualTo(Path.of("/tmp/x/flags"));
        assertThat(paths.contains(sync.offsets().file())).isTrue();
        assertThat(paths.contains(Path.of(".ficus/sync/offsets.dat"))).isFalse();
    }

    @Test
    void theDefaultWorkDirectoryKeepsTheFamiliarPlaces() {
        LoadedConfig config = load("", Map.of());
        WorkDirPaths paths = new WorkDirPaths(config.get(DevStackSection.SECTION).workDir(), config);

        assertThat(paths.sync(config.get(SyncConfig.SECTION)).offsets().file())
                .isEqualTo(Path.of(".ficus/sync/offsets.dat").toAbsolutePath());
        assertThat(paths.gateway(config.get(GatewayConfig.SECTION)).flags().path())
                .isEqualTo(Path.of(".ficus/flags").toAbsolutePath());
    }

    @Test
    void keysThatAreSetKeepTheirValues() {
        LoadedConfig config = load("""
                devstack: { work_dir: /tmp/x }
                sync:
                  offsets: { file: /var/lib/ficus/offsets.dat }
                gateway:
                  flags: { path: /etc/ficus/flags }
                """, Map.of("FICUS_SYNC_OFFSETS_HISTORY_FILE", "/var/lib/ficus/history.dat"));
        WorkDirPaths paths = new WorkDirPaths(config.get(DevStackSection.SECTION).workDir(), config);

        SyncConfig sync = paths.sync(config.get(SyncConfig.SECTION));
        assertThat(sync.offsets().file()).isEqualTo(Path.of("/var/lib/ficus/offsets.dat"));
        assertThat(sync.offsets().historyFile()).isEqualTo(Path.of("/var/lib/ficus/history.dat"));
        assertThat(paths.gateway(config.get(GatewayConfig.SECTION)).flags().path())
                .isEqualTo(Path.of("/etc/ficus/flags"));
        assertThat(paths.contains(sync.offsets().file())).isFalse();
    }

    private static LoadedConfig load(String yaml, Map<String, String> env) {
        return ConfigLoader.load(ConfigSource.fromYaml(yaml, env), Sections.all());
    }
}
