package dev.ficus.devstack.process;

import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Ends a process and everything it forked, politely first, so that servers flush their data before they go. */
public final class ProcessTermination {
    private static final Logger LOG = LoggerFactory.getLogger(ProcessTermination.class);
    private static final long POLL_MILLIS = 20;

    private ProcessTermination() {
    }

    /**
     * Sends SIGTERM (a clean shutdown for MariaDB, PostgreSQL and Redis alike), waits up to {@code grace}, then
     * SIGKILLs whatever is left, children included. Returns once none of them is alive.
     */
    public static void terminate(ProcessHandle process, Duration grace) {
        // remember the children now: once the parent is gone they are re-parented and no longer its descendants
        List<ProcessHandle> family = process.descendants().toList();
        if (ProcessLiveness.isRunning(process)) {
            process.destroy();
            if (!awaitExit(process, grace)) {
                LOG.warn("pid {} did not stop within {}; killing it", process.pid(), grace);
                process.destroyForcibly();
                awaitExit(process, Duration.ofSeconds(10));
            }
        }
        // children usually end with their parent (PostgreSQL backends watch the postmaster); ask the others too
        List<ProcessHandle> survivors = family.stream().filter(ProcessLiveness::isRunning).toList();
        survivors.forEach(ProcessHandle::destroy);
        for (ProcessHandle child : survivors) {
            if (!awaitExit(child, Duration.ofSeconds(2))) {
                child.destroyForcibly();
                awaitExit(child, Duration.ofSeconds(5));
            }
        }
    }

    /**
     * True when the process has exited within {@code timeout}. Polls instead of using {@code onExit()}, which for a
     * process that is not this JVM's child (the postmaster, detached by pg_ctl) notices the exit only up to a second
     * late.
     */
    public static boolean awaitExit(ProcessHandle process, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessLiveness.isRunning(process)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !ProcessLiveness.isRunning(process);
            }
        }
        return true;
    }
}
