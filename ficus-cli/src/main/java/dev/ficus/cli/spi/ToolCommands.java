package dev.ficus.cli.spi;

import dev.ficus.core.config.ConfigSection;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.Secret;
import java.util.List;
import java.util.Optional;

/**
 * Commands that plug into the {@code ficus} command line from a module of their own, found with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services/dev.ficus.cli.spi.ToolCommands} entry). The production
 * distribution carries none, so its {@code ficus --help} lists only its own commands; a developer's classpath adds
 * the tools ({@code dev}, {@code magento}, {@code seed}, {@code bench}) and {@code bin/ficus} offers them all.
 */
public interface ToolCommands {

    /** Picocli command objects (instances of {@code @Command} classes), added under {@code ficus} in this order. */
    List<Object> commands();

    /** The configuration sections the commands read; every command then validates them too. */
    default List<ConfigSection<?>> configSections() {
        return List.of();
    }

    /**
     * The gateway's admin token a tool generated for itself (as {@code ficus dev} does), used by {@code ficus flags}
     * when the configuration names none.
     */
    default Optional<Secret> adminToken(LoadedConfig config) {
        return Optional.empty();
    }
}
