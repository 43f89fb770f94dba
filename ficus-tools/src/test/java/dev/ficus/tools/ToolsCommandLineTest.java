package dev.ficus.tools;

import static dev.ficus.cli.CommandLines.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cli.CommandLines;
import dev.ficus.cli.CommandLines.Result;
import dev.ficus.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a developer has it (bin/ficus): the production commands plus the tools, found by ServiceLoader. */
class ToolsCommandLineTest {

    @Test
    void rootHelpListsTheToolsBesideTheProductionCommands() {
        Result r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).containsPattern("(?m)^\\s+dev\\s{2,}").containsPattern("(?m)^\\s+magento\\s{2,}")
                .containsPattern("(?m)^\\s+seed\\s{2,}").containsPattern("(?m)^\\s+bench\\s{2,}")
                .containsPattern("(?m)^\\s+gateway\\s{2,}").containsPattern("(?m)^\\s+config\\s{2,}");
    }

    @Test
    void everyToolHasHelpThatExitsZero() {
        assertThat(CommandLines.commandPaths()).anyMatch(p -> p[0].equals("bench") && p.length == 2);
        String warnings = CommandLines.helpOfEveryCommand((path, r) -> {
            assertThat(r.status()).as("exit status of ficus %s --help", String.join(" ", path)).isZero();
            assertThat(r.out()).as("help of %s", String.join(" ", path)).contains("Usage: ficus");
        });
        assertThat(warnings).doesNotContain("picocli WARN");
    }

    @Test
    void syncAndDevOfferToSkipTheirPreflight() {
        for (String command : new String[] {"sync", "dev"}) {
            Result help = run(command, "--help");
            assertThat(help.out()).as("ficus %s --help", command).contains("--skip-preflight")
                    .contains("logged as a WARN at every start");
        }
    }

    @Test
    void unknownSubcommandExitsTwoWithAHint() {
        Result r = run("devv");
        assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("devv").contains("dev");
    }

    @Test
    void theToolsSectionsAreReadByEveryCommand(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ficus.yaml"), "devstack:\n  mariadb: somewhere\n");
        Result r = run("config", "check", "--config", file.toString());
        assertThat(r.status()).isEqualTo(ExitCodes.BAD_CONFIG);
        assertThat(r.err()).contains("devstack.mariadb");
    }

    @Test
    void flagsWithoutAnyAdminTokenLooksForTheDevStacksOwnThenSaysWhereToSetIt(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ficus.yaml"), "devstack:\n  work_dir: " + dir.resolve("empty") + "\n");
        Result r = run("flags", "list", "--config", file.toString());
        assertThat(r.status()).isEqualTo(ExitCodes.FAILED);
        assertThat(r.err()).contains("no admin token").contains("FICUS_GATEWAY_ADMIN_TOKEN");
    }

    @Test
    void benchGatewayRefusesAnUnknownUpstreamAndBadStaticOptionsBeforeItStartsAnything() {
        Result unknown = run("bench", "gateway", "--upstream", "cdn");
        assertThat(unknown.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("'cdn' is not an upstream: use service or static");

        Result workers = run("bench", "gateway", "--upstream", "static", "--origin-workers", "0");
        assertThat(workers.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(workers.err()).contains("--origin-workers must be 1..64, was 0");
    }
}
