package dev.ficus.cli;

import dev.ficus.core.config.ConfigReference;
import dev.ficus.core.config.EffectiveValue;
import dev.ficus.core.config.LoadedConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "config", mixinStandardHelpOptions = true, description = "Check and print the configuration.",
        subcommands = {ConfigCommand.Show.class, ConfigCommand.Check.class, ConfigCommand.Reference.class})
final class ConfigCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing subcommand: one of show, check, reference.");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Print every key with its effective value and where it came from (default, file, or env). "
                    + "Secrets are masked.")
    static final class Show implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            LoadedConfig config = ConfigFiles.load(global.config);
            PrintWriter out = spec.commandLine().getOut();
            int width = config.effectiveValues().stream().mapToInt(v -> v.key().length()).max().orElse(10);
            int valueWidth = config.effectiveValues().stream().mapToInt(v -> v.display().length()).max().orElse(10);
            for (EffectiveValue v : config.effectiveValues()) {
                out.printf("%-" + width + "s  %-" + Math.min(valueWidth, 60) + "s  (%s)%n", v.key(), v.display(), v.origin());
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validate the configuration and exit 0 if it is valid, 3 with every problem otherwise.")
    static final class Check implements Callable<Integer> {
        @Mixin
        GlobalOptions global;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            ConfigFiles.load(global.config);
            spec.commandLine().getOut().println("configuration is valid");
            return ExitCodes.OK;
        }
    }

    @Command(name = "reference", mixinStandardHelpOptions = true,
            description = "Print the configuration reference (every key, type, default, meaning) as Markdown; "
                    + "the README's reference is this output.")
    static final class Reference implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @picocli.CommandLine.Option(names = "--update", paramLabel = "FILE",
                description = "Replace the reference between its markers in FILE (e.g. README.md) instead of printing it.")
        java.nio.file.Path update;

        @Override
        public Integer call() throws java.io.IOException {
            String reference = ConfigReference.markdown(Sections.all());
            if (update == null) {
                spec.commandLine().getOut().print(reference);
                spec.commandLine().getOut().flush();
                return ExitCodes.OK;
            }
            String text = java.nio.file.Files.readString(update);
            int begin = text.indexOf(ConfigReference.BEGIN);
            int end = text.indexOf(ConfigReference.END);
            if (begin < 0 || end < begin) {
                throw new UserFacingException(update + " has no config-reference markers; add the two marker lines "
                        + "where the reference belongs:\n" + ConfigReference.BEGIN + "\n" + ConfigReference.END);
            }
            String updated = text.substring(0, begin) + reference + text.substring(end + ConfigReference.END.length() + 1);
            java.nio.file.Files.writeString(update, updated);
            spec.commandLine().getOut().println("updated the configuration reference in " + update);
            return ExitCodes.OK;
        }
    }
}
