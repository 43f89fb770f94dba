package dev.ficus.tools;

import dev.ficus.cli.ConfigFiles;
import dev.ficus.cli.ExitCodes;
import dev.ficus.cli.GlobalOptions;
import dev.ficus.cli.UserFacingException;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.magento.fixture.ConsoleProgressBar;
import dev.ficus.magento.fixture.FixtureException;
import dev.ficus.magento.fixture.FixtureProfile;
import dev.ficus.magento.fixture.MagentoSeeder;
import dev.ficus.magento.fixture.SeedReport;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {
            "Fill an empty Magento database with a generated shop.",
            "",
            "Generates a shop of the size of one of Magento's Performance Toolkit profiles into magento.database: "
                + "products (simple and configurable with their children), categories, customers with addresses, orders "
                + "with items, stock. The same --seed gives the same shop. Installs the Magento 2.4 schema first if the "
                + "database has no tables. For development and tests only."})
final class SeedCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--profile", defaultValue = "small", paramLabel = "small|medium|large",
            converter = FixtureProfileConverter.class,
            description = "Shop size (default: ${DEFAULT-VALUE}): small = 816 products + 384 children, 30 categories, "
                    + "200 customers, 80 orders; medium and large as Magento's toolkit profiles.")
    FixtureProfile profile;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Random seed; the same seed gives the same shop (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        MagentoConfig magento = ConfigFiles.load(global.config()).get(MagentoConfig.SECTION);
        PrintStream out = System.out;
        try {
            SeedReport report = MagentoSeeder.seed(magento.database(), profile, seed, new ConsoleProgressBar(System.err));
            out.print(report.table());
            out.flush();
            return ExitCodes.OK;
        } catch (FixtureException e) {
            throw new UserFacingException(e.getMessage());
        }
    }
}
