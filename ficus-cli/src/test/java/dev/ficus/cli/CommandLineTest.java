package dev.ficus.cli;

import static dev.ficus.cli.CommandLines.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cli.CommandLines.Result;
import org.junit.jupiter.api.Test;

/** The production command line, as the production classpath has it: without the tools. */
class CommandLineTest {

    @Test
    void rootHelpExitsZeroAndListsTheProductionCommandsOnly() {
        Result r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: ficus").contains("gateway", "sync", "service", "preflight", "flags", "dlq",
                "check", "checklist", "config").doesNotContainPattern("(?m)^\\s+(dev|magento|seed|bench)\\s{2,}");
    }

    @Test
    void everySubcommandHasHelpThatExitsZero() {
        assertThat(CommandLines.commandPaths()).hasSizeGreaterThan(3);
        String warnings = CommandLines.helpOfEveryCommand((path, r) -> {
            assertThat(r.status()).as("exit status of ficus %s --help", String.join(" ", path)).isZero();
            assertThat(r.out()).as("help of %s", String.join(" ", path)).contains("Usage: ficus");
        });
        // picocli formats descriptions: a bare % breaks the text and only shows as a warning on stderr
        assertThat(warnings).doesNotContain("picocli WARN");
    }

    @Test
    void aToolIsNotACommandOfTheProductionDistribution() {
        Result r = run("dev");
        assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Unmatched argument").contains("'dev'");
    }

    @Test
    void unknownSubcommandExitsTwoWithAHint() {
        Result r = run("syncc");
        assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("syncc").contains("sync");
    }

    @Test
    void checklistSaysWhatItChecksAndTakesNoArguments() {
        Result help = run("checklist", "--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("Usage: ficus checklist", "--json", "section 8", "Exit status 0 when no "
                + "checkable item is ✗");

        Result extra = run("checklist", "catalog");
        assertThat(extra.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(extra.err()).contains("Unmatched argument").contains("'catalog'");
    }

    @Test
    void checkNamesTheDomainsItKnowsAndRefusesTwoSelections() {
        Result unknown = run("check", "catalogue");
        assertThat(unknown.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("unknown domain 'catalogue': catalog, customer, order, inventory or all");

        Result both = run("check", "all", "--all", "--sample", "10");
        assertThat(both.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("mutually exclusive");

        Result none = run("check", "catalog", "--sample", "0");
        assertThat(none.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(none.err()).contains("--sample must be 1 or more");
    }

    @Test
    void checkEveryTakesAPositiveIntervalAndExportsGaugesRatherThanRepairingOrPrinting() {
        Result zero = run("check", "all", "--every", "0s");
        assertThat(zero.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err()).contains("--every must be a positive duration such as 15m");

        Result repair = run("check", "all", "--every", "15m", "--repair");
        assertThat(repair.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(repair.err()).contains("--every exports gauges: it does not go with --repair, --counts or --json");

        Result port = run("check", "all", "--every", "15m", "--metrics-port", "70000");
        assertThat(port.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(port.err()).contains("--metrics-port must be 0-65535");
    }

    @Test
    void noSubcommandIsAUsageError() {
        Result r = run();
        assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("Missing command");
    }

    @Test
    void invalidConfigExitsThreeNamingEveryKeyWithoutAStackTrace(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("ficus.yaml");
        java.nio.file.Files.writeString(file, "platform:\n  postgres:\n    prot: 5432\n  redis:\n    port: 99999\n");
        Result r = run("config", "check", "--config", file.toString());
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(r.err()).contains("platform.postgres.prot: unknown key — did you mean 'platform.postgres.port'?")
                .contains("platform.redis.port: must be a port number")
                .doesNotContain("at dev.ficus");
    }

    @Test
    void configShowMasksSecrets(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.writeString(dir.resolve("pw"), "hunter2-secret\n");
        java.nio.file.Path file = dir.resolve("ficus.yaml");
        java.nio.file.Files.writeString(file, "platform:\n  postgres:\n    password_file: " + secret + "\n");
        Result r = run("config", "show", "--config", file.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("platform.postgres.password").contains("****").doesNotContain("hunter2");
    }

    @Test
    void missingConfigFileIsAConfigError() {
        Result r = run("config", "check", "--config", "/nonexistent/ficus.yaml");
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(r.err()).contains("no such file");
    }

    @Test
    void preflightAgainstAServerThatIsNotThereFailsWithTheFix(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("ficus.yaml"),
                "magento:\n  database:\n    port: 1\n");
        Result r = run("preflight", "--config", file.toString());
        assertThat(r.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.out()).contains("connect").contains("FAIL").contains("magento.database.host/port/user/password");
    }

    @Test
    void flagsWithoutAnyAdminTokenSaysWhereToSetIt(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("ficus.yaml"),
                "gateway:\n  admin:\n    token: ''\n");
        Result r = run("flags", "list", "--config", file.toString());
        assertThat(r.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("no admin token").contains("FICUS_GATEWAY_ADMIN_TOKEN");
    }

    @Test
    void flagsWithoutARunningGatewaySaysSo(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("ficus.yaml"),
                "gateway:\n  admin:\n    token: not-used-here\n");
        Result r = run("flags", "enable", "catalog_read", "--reason", "test", "--config", file.toString(),
                "--management", "http://127.0.0.1:1");
        assertThat(r.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("not reachable").contains("ficus gateway");
    }

    @Test
    void flagsEnableNeedsAReason() {
        Result r = run("flags", "enable", "catalog_read");
        assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--reason");
    }

    @Test
    void unknownServiceNameIsAUsageError() {
        Result r = run("service", "basket");
        assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("unknown service 'basket'");
    }
}
