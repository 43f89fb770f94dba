package dev.ficus.cli;

import dev.ficus.cli.spi.ToolCommands;
import dev.ficus.core.config.ConfigException;
import dev.ficus.core.config.ConfigProblem;
import dev.ficus.core.log.LogFormat;
import dev.ficus.core.log.LogSetup;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

@Command(name = "ficus",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        usageHelpAutoWidth = true,
        description = {
            "Strangler Fig phase 1 for Magento 2: new services answer the reads, Magento keeps every write, and "
                + "change data capture from Magento's binlog keeps the new services fresh.",
            ""},
        footer = {"",
            "Exit status: 0 success, 1 failure, 2 bad command line, 3 invalid configuration.",
            "Run 'ficus COMMAND --help' for a command's options."})
public final class Ficus implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: say which one, e.g. 'ficus sync'.");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit status (tests call this instead of {@link #main}). */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /**
     * The command line: the production commands, then those of every {@link ToolCommands} on the classpath, then
     * {@code help}. Commands are added here rather than listed on the annotation so that the tools can join.
     */
    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new Ficus());
        for (Object command : List.of(new PreflightCommand(), new SyncCommand(), new ServiceCommand(),
                new GatewayCommand(), new FlagsCommand(), new DlqCommand(), new CheckCommand(), new ChecklistCommand(),
                new ConfigCommand())) {
            cli.addSubcommand(command);
        }
        for (ToolCommands tools : Tools.loaded()) {
            tools.commands().forEach(cli::addSubcommand);
        }
        cli.addSubcommand(new CommandLine.HelpCommand());
        cli.setExecutionStrategy(Ficus::configureLoggingThenRun);
        cli.setExecutionExceptionHandler(Ficus::handle);
        cli.setParameterExceptionHandler(Ficus::handleUsage);
        return cli;
    }

    private static int configureLoggingThenRun(ParseResult parsed) {
        GlobalOptions global = findGlobal(parsed);
        LogSetup.configure(global == null ? LogFormat.TEXT : global.logFormat(), global != null && global.verbose);
        return new CommandLine.RunLast().execute(parsed);
    }

    private static GlobalOptions findGlobal(ParseResult parsed) {
        ParseResult last = parsed;
        while (last.hasSubcommand()) {
            last = last.subcommand();
        }
        return findGlobal(last.commandSpec());
    }

    /** The options may sit in a mixin of a mixin (e.g. {@code ficus flags list}'s gateway target). */
    private static GlobalOptions findGlobal(CommandSpec spec) {
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof GlobalOptions g) {
                return g;
            }
            GlobalOptions nested = findGlobal(mixin);
            if (nested != null) {
                return nested;
            }
        }
        return null;
    }

    /** A user mistake (bad configuration) gets its message and an exit status, never a stack trace. */
    private static int handle(Exception e, CommandLine cli, ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof ConfigException ce) {
            err.println("ficus: the configuration is invalid:");
            for (ConfigProblem p : ce.problems()) {
                err.println("  " + p.key() + ": " + p.reason());
            }
            err.println("Fix these and run again ('ficus config reference' lists every key).");
            err.flush();
            return ExitCodes.BAD_CONFIG;
        }
        if (e instanceof UserFacingException ue) {
            err.println("ficus: " + ue.getMessage());
            err.flush();
            return ue.exitCode();
        }
        GlobalOptions global = findGlobal(parsed);
        err.println("ficus: " + cli.getCommandName() + " failed: " + e);
        if (global != null && global.verbose) {
            e.printStackTrace(err);
        } else {
            err.println("(run again with --verbose for the stack trace)");
        }
        err.flush();
        return ExitCodes.FAILED;
    }

    private static int handleUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cli = e.getCommandLine();
        PrintWriter err = cli.getErr();
        err.println("ficus: " + e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, err)) {
            err.println("Run '" + cli.getCommandSpec().qualifiedName() + " --help' for usage.");
        }
        err.flush();
        return ExitCodes.USAGE;
    }
}
