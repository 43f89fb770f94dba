package dev.ficus.cli;

import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.gateway.Gateway;
import dev.ficus.gateway.config.GatewayConfig;
import picocli.CommandLine.Command;

@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = {
            "Run the gateway in front of Magento.",
            "",
            "GETs of a domain go to its read service when the domain's flag is on for the caller and the service "
                + "is healthy; everything else goes to Magento (magento.base_url). A failed read falls back to Magento "
                + "at once; three failures in a row turn the flag off until a person turns it on again. Settings: "
                + "section 'gateway'; flags and their grammar: docs/flags.md."})
final class GatewayCommand extends ForegroundCommand {

    @Override
    protected String title() {
        return "Ficus gateway";
    }

    @Override
    protected void start(LoadedConfig config, Running running) {
        GatewayConfig gateway = config.get(GatewayConfig.SECTION);
        MagentoConfig magento = config.get(MagentoConfig.SECTION);
        Gateway started = running.add("gateway", Gateway.start(gateway, magento));
        running.row("gateway (shop's port)", "http://127.0.0.1:" + started.port() + "/rest/V1",
                "Magento at " + magento.baseUrl());
        String management = "http://127.0.0.1:" + started.managementPort();
        running.row("management port", management, "/metrics, /health/live, /health/ready");
        if (gateway.admin().token().isEmpty()) {
            running.row("admin API", "off", "set gateway.admin.token (or FICUS_GATEWAY_ADMIN_TOKEN) to use 'ficus flags'");
        } else {
            running.row("admin API", management + gateway.admin().pathPrefix() + "/api", "");
        }
    }
}
