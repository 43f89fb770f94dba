package dev.ficus.cli;

import dev.ficus.cli.spi.ToolCommands;
import java.util.List;
import java.util.ServiceLoader;

/** The {@link ToolCommands} on the classpath, loaded once; none in the production distribution. */
final class Tools {
    private static final List<ToolCommands> LOADED = ServiceLoader.load(ToolCommands.class).stream()
            .map(ServiceLoader.Provider::get).toList();

    private Tools() {
    }

    static List<ToolCommands> loaded() {
        return LOADED;
    }
}
