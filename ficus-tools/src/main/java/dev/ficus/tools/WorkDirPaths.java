package dev.ficus.tools;

import dev.ficus.core.config.LoadedConfig;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.sync.config.SyncConfig;
import java.nio.file.Path;

/**
 * Where {@code ficus dev} keeps the files of its parts: under {@code devstack.work_dir}, unless a key names another
 * place. The sections' own defaults ({@code .ficus/...} in the current directory) suit a process run on its own; a
 * dev stack moved elsewhere ({@code FICUS_DEVSTACK_WORK_DIR=/tmp/x}) must not read, write or wipe those.
 */
final class WorkDirPaths {
    static final String OFFSETS_FILE = "sync.offsets.file";
    static final String HISTORY_FILE = "sync.offsets.history_file";
    static final String FLAGS_PATH = "gateway.flags.path";

    private final Path workDir;
    private final LoadedConfig config;

    WorkDirPaths(Path workDir, LoadedConfig config) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.config = config;
    }

    SyncConfig sync(SyncConfig sync) {
        SyncConfig.Offsets offsets = sync.offsets();
        return sync.withOffsets(offsets.withFiles(
                config.isSet(OFFSETS_FILE) ? offsets.file() : workDir.resolve("sync").resolve("offsets.dat"),
                config.isSet(HISTORY_FILE) ? offsets.historyFile()
                        : workDir.resolve("sync").resolve("schema-history.dat")));
    }

    GatewayConfig gateway(GatewayConfig gateway) {
        GatewayConfig.Flags flags = gateway.flags();
        if (config.isSet(FLAGS_PATH) || flags.store() != GatewayConfig.FlagStoreKind.DIRECTORY) {
            return gateway;
        }
        return gateway.withFlags(flags.withPath(workDir.resolve("flags")));
    }

    /** True when {@code path} lies inside the work directory. */
    boolean contains(Path path) {
        return path.toAbsolutePath().normalize().startsWith(workDir);
    }

    Path workDir() {
        return workDir;
    }
}
