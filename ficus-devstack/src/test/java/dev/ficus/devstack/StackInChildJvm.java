package dev.ficus.devstack;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A JVM that starts a stack (arguments: the work directory, then optionally the three servers' fixed ports), prints
 * its server pids and waits to be signalled, as {@code ficus dev} does; used by {@link DevStackShutdownIT} to check
 * what SIGTERM and SIGKILL leave behind.
 */
public final class StackInChildJvm {
    static final String PIDS_LINE = "SERVER PIDS ";

    private StackInChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        DevStackSettings settings = DevStackSettings.defaults().withWorkDir(Path.of(args[0]));
        if (args.length == 4) { // fixed ports for MariaDB, PostgreSQL and Redis, as ficus dev has them
            settings = settings.withMariadb(ServerChoice.embeddedOnPort(Integer.parseInt(args[1])))
                    .withPostgres(ServerChoice.embeddedOnPort(Integer.parseInt(args[2])))
                    .withRedis(ServerChoice.embeddedOnPort(Integer.parseInt(args[3])));
        }
        DevStack stack = DevStack.start(settings);
        System.out.println(PIDS_LINE + stack.processes().stream()
                .map(process -> Long.toString(process.pid())).collect(Collectors.joining(" ")));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
