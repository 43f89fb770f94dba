package dev.ficus.cli;

import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.LoadedConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Finds the configuration file the way the help text says, and loads every section from it. */
public final class ConfigFiles {
    static final Path DEFAULT_FILE = Path.of("ficus.yaml");

    private ConfigFiles() {
    }

    public static LoadedConfig load(Path explicit) {
        Map<String, String> env = System.getenv();
        Path file = explicit;
        if (file == null && env.get("FICUS_CONFIG") != null && !env.get("FICUS_CONFIG").isBlank()) {
            file = Path.of(env.get("FICUS_CONFIG"));
        }
        if (file == null && Files.isRegularFile(DEFAULT_FILE)) {
            file = DEFAULT_FILE;
        }
        ConfigSource source = file == null ? ConfigSource.fromEnv(env) : ConfigSource.load(file, env);
        return ConfigLoader.load(source, Sections.all());
    }
}
