package dev.ficus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class CommandLineTest {

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cli = Ficus.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void rootHelpExitsZeroAndListsCommands() {
        Result r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("Usage: ficus").contains("dev").contains("config");
    }

    @Test
    void everySubcommandHasHelpThatExitsZero() {
        List<String[]> paths = new ArrayList<>();
        collect(Ficus.newCommandLine(), new ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(3);
        java.io.PrintStream realErr = System.err;
        java.io.ByteArrayOutputStream picocliWarnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(picocliWarnings, true));
        try {
            for (String[] path : paths) {
                String[] args = new String[path.length + 1];
                System.arraycopy(path, 0, args, 0, path.length);
                args[path.length] = "--help";
                Result r = run(args);
                assertThat(r.status()).as("exit status of ficus %s --help", String.join(" ", path)).isZero();
                assertThat(r.out()).as("help of %s", String.join(" ", path)).contains("Usage: ficus");
            }
        } finally {
            System.setErr(realErr);
        }
        // picocli formats descriptions: a bare % breaks the text and only shows as a warning on stderr
        assertThat(picocliWarnings.toString()).doesNotContain("picocli WARN");
    }

    private static void collect(CommandLine cli, List<String> prefix, List<String[]> out) {
        for (var e : cli.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) {
                continue;
            }
            List<String> path = new ArrayList<>(prefix);
            path.add(e.getKey());
            out.add(path.toArray(String[]::new));
            collect(e.getValue(), path, out);
        }
    }

    @Test
    void unknownSubcommandExitsTwoWithAHint() {
        Result r = run("devv");
        assertThat(r.status()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("devv").contains("dev");
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
                "devstack:\n  work_dir: " + dir.resolve("empty") + "\n");
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
