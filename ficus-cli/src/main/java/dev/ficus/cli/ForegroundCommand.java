package dev.ficus.cli;

import dev.ficus.core.config.LoadedConfig;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A command that starts parts and keeps them running until Ctrl-C or SIGTERM: {@code dev}, {@code magento},
 * {@code sync}, {@code service}, {@code gateway}. A part that fails to start stops the ones started before it.
 */
public abstract class ForegroundCommand implements Callable<Integer> {
    @Mixin
    protected GlobalOptions global;

    @Spec
    protected CommandSpec spec;

    @Option(names = "--exit-after-start", hidden = true,
            description = "Stop again as soon as everything has started (used to time and test the start).")
    boolean exitAfterStart;

    /** What the banner calls the started whole, e.g. "Ficus dev stack". */
    protected abstract String title();

    /** Starts the parts, registering each with {@code running} as soon as it runs, and the rows of the table. */
    protected abstract void start(LoadedConfig config, Running running) throws Exception;

    @Override
    public final Integer call() throws Exception {
        LoadedConfig config = ConfigFiles.load(global.config());
        long started = System.nanoTime();
        Running running = new Running();
        running.stopOnShutdown();
        try {
            start(config, running);
        } catch (Exception | Error e) {
            running.close();
            throw e;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%n%s is up (%.1f s):%n%n%s%nPress Ctrl-C to stop.%n", title(),
                (System.nanoTime() - started) / 1e9, running.table());
        out.flush();
        if (exitAfterStart) {
            running.close();
            return ExitCodes.OK;
        }
        running.awaitStopped();
        return ExitCodes.OK;
    }
}
