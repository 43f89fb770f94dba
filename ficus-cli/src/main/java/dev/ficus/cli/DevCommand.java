package dev.ficus.cli;

import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.config.PlatformConfig;
import dev.ficus.devstack.DevStack;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {
            "Run the whole system on one machine: embedded MariaDB (binlog on), PostgreSQL and Redis, then every",
            "Ficus component that exists, and print where each one runs. Data is kept in devstack.work_dir",
            "(.ficus/) across restarts. Ctrl-C or SIGTERM stops everything it started, in reverse order."})
final class DevCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(DevCommand.class);

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--fresh", description = "Wipe the embedded servers' data before starting (external servers are never touched).")
    boolean fresh;

    @Option(names = "--exit-after-start", hidden = true,
            description = "Stop again as soon as everything has started (used to time and test the start).")
    boolean exitAfterStart;

    @Override
    public Integer call() throws Exception {
        LoadedConfig config = ConfigFiles.load(global.config);
        MagentoConfig magento = config.get(MagentoConfig.SECTION);
        PlatformConfig platform = config.get(PlatformConfig.SECTION);
        DevStackSection devstack = config.get(DevStackSection.SECTION);

        long started = System.nanoTime();
        Running running = new Running();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            running.close();
            stopped.countDown();
        }, "ficus-dev-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            DevStack stack = running.add("dev stack", DevStack.start(devstack.settings(magento, platform, fresh)));
            running.row("MariaDB (Magento DB, binlog on)", stack.mariadb().mariadbJdbcUrl(), "user " + stack.mariadb().user());
            running.row("PostgreSQL (platform DB)", stack.postgres().postgresJdbcUrl(), "user " + stack.postgres().user());
            running.row("Redis (migration topics)", stack.redis().display(), "");
        } catch (RuntimeException e) {
            running.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            throw e;
        }

        PrintWriter out = spec.commandLine().getOut();
        out.printf("%nFicus dev stack is up (%.1f s):%n%n%s%nPress Ctrl-C to stop.%n",
                (System.nanoTime() - started) / 1e9, running.table());
        out.flush();
        if (exitAfterStart) {
            running.close();
            Runtime.getRuntime().removeShutdownHook(hook);
            return ExitCodes.OK;
        }
        stopped.await();
        log.info("ficus dev stopped");
        return ExitCodes.OK;
    }
}
