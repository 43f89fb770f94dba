package dev.ficus.cli;

import dev.ficus.core.config.PlatformConfig;
import dev.ficus.services.dlq.DeadLetterEntry;
import dev.ficus.services.dlq.DlqAdmin;
import dev.ficus.services.dlq.DlqFilter;
import dev.ficus.services.dlq.DlqReport;
import dev.ficus.services.dlq.ReplayResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "dlq", mixinStandardHelpOptions = true,
        description = {
            "Inspect, replay and drop dead letters.",
            "",
            "Dead letters in migration.dlq (platform.redis) are events the sync could not build and events a "
                + "service could not apply, each with its topic, error and attempt count. Nothing is deleted unless you "
                + "run 'ficus dlq drop'; a replayed letter stays, marked replayed, until dropped."},
        subcommands = {DlqCommand.ListLetters.class, DlqCommand.ShowLetter.class, DlqCommand.ReplayLetters.class,
            DlqCommand.DropLetters.class})
final class DlqCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "Missing command: list, show, replay or drop.");
    }

    static DlqAdmin connect(GlobalOptions global) {
        return DlqAdmin.connect(ConfigFiles.load(global.config).get(PlatformConfig.SECTION));
    }

    static void print(CommandSpec spec, String text) {
        PrintWriter out = spec.commandLine().getOut();
        out.print(text);
        out.flush();
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "One line per dead letter, oldest first.")
    static final class ListLetters implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Option(names = "--topic", paramLabel = "TOPIC", description = "Only letters of this topic, e.g. migration.product.changed.")
        String topic;

        @Option(names = "--origin", paramLabel = "NAME", description = "Only letters from sync or from this service (catalog, …).")
        String origin;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "At most N letters (0 = all).")
        int limit;

        @Override
        public Integer call() {
            if (limit < 0) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit must be 0 or more");
            }
            try (DlqAdmin admin = connect(global)) {
                print(spec, DlqReport.table(admin.list(new DlqFilter(topic, origin, limit))));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One dead letter in full, with the event it carries.")
    static final class ShowLetter implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "ID", description = "The letter's id, as 'ficus dlq list' prints it.")
        String id;

        @Override
        public Integer call() {
            try (DlqAdmin admin = connect(global)) {
                Optional<DeadLetterEntry> letter = admin.show(id);
                if (letter.isEmpty()) {
                    throw new UserFacingException("no dead letter " + id + " in migration.dlq");
                }
                print(spec, DlqReport.detail(letter.get()));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {
            "Put these letters' events back on their topics, in the order given (fix the cause first). Exit "
                + "status 1 when any of them could not be replayed."})
    static final class ReplayLetters implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "Letter ids, as 'ficus dlq list' prints them.")
        List<String> ids;

        @Override
        public Integer call() {
            try (DlqAdmin admin = connect(global)) {
                List<ReplayResult> results = admin.replay(ids);
                print(spec, DlqReport.replayed(results));
                boolean all = results.stream().allMatch(r -> r.outcome() == ReplayResult.Outcome.REPLAYED);
                return all ? ExitCodes.OK : ExitCodes.FAILED;
            }
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true, description = "Delete these letters for good.")
    static final class DropLetters implements Callable<Integer> {
        @Mixin
        GlobalOptions global;

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "ID", description = "Letter ids, as 'ficus dlq list' prints them.")
        List<String> ids;

        @Override
        public Integer call() {
            try (DlqAdmin admin = connect(global)) {
                int dropped = admin.drop(ids);
                print(spec, "dropped " + dropped + " of " + ids.size() + " dead letter" + (ids.size() == 1 ? "" : "s")
                        + System.lineSeparator());
                return dropped == ids.size() ? ExitCodes.OK : ExitCodes.FAILED;
            }
        }
    }
}
