package dev.ficus.tools;

import dev.ficus.cli.ForegroundCommand;
import dev.ficus.cli.Running;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.magento.rest.MagentoStandIn;
import dev.ficus.magento.rest.MagentoStandInConfig;
import picocli.CommandLine.Command;

@Command(name = "magento", mixinStandardHelpOptions = true,
        description = {
            "Serve the Magento stand-in (development and tests only).",
            "",
            "A subset of Magento 2.4's REST API (products, customers, orders, stock, tokens) with Magento's JSON "
                + "and errors, on the database magento.database (fill it with 'ficus seed'). It is not Magento. "
                + "Settings: section 'standin'."})
final class MagentoCommand extends ForegroundCommand {

    @Override
    protected String title() {
        return "Magento stand-in";
    }

    @Override
    protected void start(LoadedConfig config, Running running) {
        MagentoStandInConfig standIn = config.get(MagentoStandInConfig.SECTION);
        MagentoConfig magento = config.get(MagentoConfig.SECTION);
        MagentoStandIn server = running.add("Magento stand-in", MagentoStandIn.start(standIn, magento.database()));
        running.row("Magento stand-in (REST)", server.baseUrl() + "/rest/V1", "database "
                + magento.database().mariadbJdbcUrl());
    }
}
