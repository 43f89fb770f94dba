package dev.ficus.bench.gateway;

import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.gateway.Gateway;
import dev.ficus.gateway.config.GatewayConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The gateway in a JVM of its own for {@link GatewayProcess}: {@code GatewayProcessMain CONFIG.yaml}. It reads the
 * file only, not the environment, so that a developer's {@code FICUS_} variables do not change what the bench
 * measures, and it ends with the process that started it.
 */
public final class GatewayProcessMain {
    private GatewayProcessMain() {
    }

    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: GatewayProcessMain CONFIG.yaml");
            System.exit(2);
        }
        LoadedConfig config = ConfigLoader.load(ConfigSource.load(Path.of(args[0]), Map.of()),
                List.of(GatewayConfig.SECTION, MagentoConfig.SECTION));
        Gateway gateway = Gateway.start(config.get(GatewayConfig.SECTION), config.get(MagentoConfig.SECTION));
        Runtime.getRuntime().addShutdownHook(new Thread(gateway::close, "gateway-shutdown"));
        // a bench that is killed outright cannot stop its children: a gateway left behind would keep its port and a
        // share of the cores, so it goes when its parent goes
        ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().join());
        System.exit(0);
    }
}
