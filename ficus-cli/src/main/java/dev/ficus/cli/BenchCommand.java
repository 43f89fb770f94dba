package dev.ficus.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code ficus bench NAME}: the parent of the benchmarks; each one is a subcommand of its own. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure a part of Ficus on a fresh dev stack of the benchmark's own (embedded servers on free "
                + "ports in a temporary directory, removed afterwards) and print a Markdown report: the machine, the "
                + "figures, a baseline measured in the same run, and DESIGN.md's budgets with whether each was met.",
        subcommands = {BenchSyncCommand.class})
final class BenchCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing benchmark: name one, e.g. 'ficus bench sync'.");
    }
}
