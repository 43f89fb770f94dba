package dev.ficus.cli;

import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.events.Domain;
import dev.ficus.services.ReadServices;
import dev.ficus.services.ServicesConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "service", mixinStandardHelpOptions = true,
        description = {
            "Run read services (catalog, customer, order, inventory, or all).",
            "",
            "Each consumes its migration topic(s) from platform.redis into its tables in platform.postgres and "
                + "answers Magento's REST paths with Magento's JSON. Several instances of one service share its "
                + "consumer group. Settings: section 'services'."})
final class ServiceCommand extends ForegroundCommand {

    @Parameters(index = "0", paramLabel = "NAME",
            description = "catalog (:8005), customer (:8006), order (:8007), inventory (:8008), or all.")
    String name;

    @Override
    protected String title() {
        return "Ficus " + name + " service" + (name.equals("all") ? "s" : "");
    }

    @Override
    protected void start(LoadedConfig config, Running running) {
        var names = parseName();
        ReadServices services = running.add("read services",
                ReadServices.start(names, config.get(ServicesConfig.SECTION), config.get(PlatformConfig.SECTION)));
        for (Domain s : names) {
            running.row(s.id() + " service", "http://127.0.0.1:" + services.port(s) + "/rest/V1", "");
        }
    }

    private java.util.Set<Domain> parseName() {
        try {
            return ReadServices.parse(name);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
