package dev.ficus.devstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server still running from an earlier stack whose JVM was killed (kill -9, a crashed IDE): it holds the data
 * directory's locks and its port, so a new start would fail. The caller holds the work directory's lock, so a live
 * process named in that directory's pid file, running the expected program inside that directory, cannot belong to
 * a running stack and is safe to stop. Anything else the pid file may name (a recycled pid) is left alone.
 */
public final class LeftoverServer {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);

    private LeftoverServer() {
    }

    /**
     * Stops the process whose pid is the first line of {@code pidFile}, if it is alive, its executable's name
     * contains {@code executableName} and it runs inside {@code ownDir} ({@link ProcessOwnership}). Returns whether
     * it stopped one.
     */
    public static boolean stopIfRunning(Path pidFile, String executableName, String serverName, Path ownDir,
                                        Duration grace) {
        Optional<ProcessHandle> leftover = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessLiveness::isRunning)
                .filter(process -> process.info().command().map(c -> c.contains(executableName)).orElse(false));
        if (leftover.isEmpty()) {
            return false;
        }
        ProcessHandle process = leftover.get();
        if (!ProcessOwnership.runsIn(process, ownDir)) {
            LOG.warn("{}: {} names pid {}, which does not run in {}: left alone", serverName, pidFile,
                    process.pid(), ownDir);
            return false;
        }
        LOG.warn("{}: stopping a server left running by an earlier run (pid {})", serverName, process.pid());
        ProcessTermination.terminate(process, grace);
        return true;
    }

    /** The pid on the first line of a pid file, if the file exists and holds one. */
    public static Optional<Long> readPid(Path pidFile) {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            String firstLine = Files.readAllLines(pidFile, StandardCharsets.US_ASCII).stream()
                    .findFirst().orElse("").trim();
            return firstLine.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(firstLine));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
