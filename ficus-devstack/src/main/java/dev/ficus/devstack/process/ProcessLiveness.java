package dev.ficus.devstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a process still runs. {@link ProcessHandle#isAlive()} also says true for a zombie: a process that has
 * exited but whose parent has not collected it yet. The postmaster, detached by pg_ctl, is re-parented to pid 1,
 * and an init that reaps lazily (containers, micro-VMs) leaves it a zombie for a second or more after it stopped.
 */
public final class ProcessLiveness {
    private ProcessLiveness() {
    }

    /** True while the process exists and has not exited; a zombie counts as exited. */
    public static boolean isRunning(ProcessHandle process) {
        return process.isAlive() && !isZombie(process.pid());
    }

    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // "pid (command name) S ..." — the name may contain spaces and parentheses, the state follows the last ')'
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException e) {
            return false; // no /proc entry: gone, or not Linux; isAlive() has the say then
        }
    }
}
