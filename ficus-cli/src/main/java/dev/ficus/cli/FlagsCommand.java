package dev.ficus.cli;

import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.Secret;
import dev.ficus.gateway.config.GatewayConfig;
import dev.ficus.gateway.admin.AdminApiException;
import dev.ficus.gateway.admin.FlagAdminClient;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "flags", mixinStandardHelpOptions = true,
        description = {
            "Read and change the read flags through the gateway.",
            "",
            "Flags: catalog_read, customer_read, order_read, inventory_read. Changes go through a running "
                + "gateway's admin API, so they reach the flag store every replica reads and are recorded in the flag's "
                + "history. The API needs the admin token: gateway.admin.token (or FICUS_GATEWAY_ADMIN_TOKEN, or "
                + "gateway.admin.token_file); under 'ficus dev' the generated <devstack.work_dir>/admin-token is used. "
                + "A flag the gateway turned off after failures stays off until someone runs 'ficus flags enable'."},
        subcommands = {FlagsCommand.ListFlags.class, FlagsCommand.EnableFlag.class, FlagsCommand.DisableFlag.class})
final class FlagsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing command: list, enable or disable.");
    }

    /** Where the admin API is and how to log in to it. */
    static final class Target {
        @Mixin
        GlobalOptions global;

        @Option(names = {"--management", "--gateway"}, paramLabel = "URL",
                description = "The gateway's management URL, where its admin API is (default: "
                        + "http://127.0.0.1:<gateway.management.port>).")
        URI managementUrl;

        FlagAdminClient client() {
            LoadedConfig config = ConfigFiles.load(global.config);
            GatewayConfig gateway = config.get(GatewayConfig.SECTION);
            Secret token = gateway.admin().token();
            if (token.isEmpty()) {
                token = Tools.loaded().stream().flatMap(t -> t.adminToken(config).stream()).findFirst()
                        .orElseThrow(() -> new UserFacingException("no admin token: set FICUS_GATEWAY_ADMIN_TOKEN (or "
                                + "gateway.admin.token / gateway.admin.token_file) to the gateway's token"));
            }
            if (managementUrl == null) {
                return FlagAdminClient.local(gateway.withAdminToken(token));
            }
            return new FlagAdminClient(managementUrl, gateway.admin().pathPrefix(), token, Duration.ofSeconds(10));
        }
    }

    /** The admin API's refusal, or no gateway there, said plainly (exit status 1). */
    static UserFacingException failure(AdminApiException e) {
        String hint = e.status() == 401 ? " (the admin token is wrong or missing)" : "";
        return new UserFacingException(e.getMessage() + hint);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "Show each flag's value, state, rule, service health, source, problems and history.")
    static final class ListFlags implements Callable<Integer> {
        @Mixin
        Target target;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                PrintWriter out = spec.commandLine().getOut();
                out.print(FlagAdminClient.render(target.client().list()));
                out.flush();
                return ExitCodes.OK;
            } catch (AdminApiException e) {
                throw failure(e);
            }
        }
    }

    @Command(name = "enable", mixinStandardHelpOptions = true,
            description = {
            "Turn a flag on (true, or a partial rollout with --value), and record who and why. This is the only "
                + "way back on after the gateway turned a flag off."})
    static final class EnableFlag implements Callable<Integer> {
        @Mixin
        Target target;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FLAG", description = "catalog_read, customer_read, order_read or inventory_read.")
        String flag;

        @Option(names = "--value", paramLabel = "VALUE",
                description = "The flag's value: true (default), a percentage such as 10%%, a cohort rule or shadow "
                        + "(grammar: docs/flags.md).")
        String value;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why: kept in the flag's history.")
        String reason;

        @Override
        public Integer call() {
            try {
                var view = target.client().enable(flag, value, reason);
                print(spec, view.flag() + " is now " + view.value() + " (" + view.state() + ")");
                return ExitCodes.OK;
            } catch (AdminApiException e) {
                throw failure(e);
            }
        }
    }

    @Command(name = "disable", mixinStandardHelpOptions = true,
            description = "Turn a flag off: every read of its domain goes to Magento again.")
    static final class DisableFlag implements Callable<Integer> {
        @Mixin
        Target target;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FLAG", description = "catalog_read, customer_read, order_read or inventory_read.")
        String flag;

        @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why: kept in the flag's history.")
        String reason;

        @Override
        public Integer call() {
            try {
                var view = target.client().disable(flag, reason);
                print(spec, view.flag() + " is now " + view.value() + " (" + view.state() + ")");
                return ExitCodes.OK;
            } catch (AdminApiException e) {
                throw failure(e);
            }
        }
    }

    private static void print(CommandSpec spec, String line) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(line);
        out.flush();
    }
}
