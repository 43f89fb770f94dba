package dev.ficus.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/** Runs the {@code ficus} command line in the test's JVM and lists its commands (ficus-tools' tests use it too). */
public final class CommandLines {

    public record Result(int status, String out, String err) {
    }

    private CommandLines() {
    }

    public static Result run(String... args) {
        CommandLine cli = Ficus.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int status = cli.execute(args);
        return new Result(status, out.toString(), err.toString());
    }

    /** Every command and subcommand, as the words that name it ({@code [flags, list]}), without {@code help}. */
    public static List<String[]> commandPaths() {
        List<String[]> paths = new ArrayList<>();
        collect(Ficus.newCommandLine(), new ArrayList<>(), paths);
        return paths;
    }

    /** Runs {@code --help} of every command; returns what picocli warned about on standard error meanwhile. */
    public static String helpOfEveryCommand(java.util.function.BiConsumer<String[], Result> check) {
        java.io.PrintStream realErr = System.err;
        java.io.ByteArrayOutputStream picocliWarnings = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(picocliWarnings, true));
        try {
            for (String[] path : commandPaths()) {
                String[] args = new String[path.length + 1];
                System.arraycopy(path, 0, args, 0, path.length);
                args[path.length] = "--help";
                check.accept(path, run(args));
            }
        } finally {
            System.setErr(realErr);
        }
        return picocliWarnings.toString();
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
}
