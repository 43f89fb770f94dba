package dev.ficus.tools;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ficus bench NAME}: the parent of the benchmarks; each one is a subcommand of its own. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Benchmark a part of Ficus on a fresh dev stack of its own.", "",
            "Each benchmark starts embedded servers on free ports in a temporary directory (removed afterwards) and "
                + "prints a Markdown report: the machine, the figures, a baseline measured in the same run, and "
                + "DESIGN.md's budgets with whether each was met."},
        subcommands = {BenchSyncCommand.class, BenchServicesCommand.class, BenchGatewayCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing benchmark: name one, e.g. 'ficus bench sync'.");
    }
}
