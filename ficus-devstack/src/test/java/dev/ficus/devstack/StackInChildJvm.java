package dev.ficus.devstack;

import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * A JVM that starts a stack, prints its server pids and waits to be signalled, as {@code ficus dev} does; used by
 * {@link DevStackShutdownIT} to check what SIGTERM and SIGKILL leave behind.
 */
public final class StackInChildJvm {
    static final String PIDS_LINE = "SERVER PIDS ";

    private StackInChildJvm() {
    }

    public static void main(String[] args) throws InterruptedException {
        DevStack stack = DevStack.start(DevStackSettings.defaults().withWorkDir(Path.of(args[0])));
        System.out.println(PIDS_LINE + stack.processes().stream()
                .map(process -> Long.toString(process.pid())).collect(Collectors.joining(" ")));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
