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
 * directory's locks, so a new start would fail. The caller holds the work directory's lock, so a live process named
 * in that directory's pid file cannot belong to a running stack and is safe to stop.
 */
public final class LeftoverServer {
    private static final Logger LOG = LoggerFactory.getLogger(LeftoverServer.class);

    private LeftoverServer() {
    }

    /**
     * Stops the process whose pid is the first line of {@code pidFile}, if it is alive and its executable's name
     * contains {@code executableName} (a recycled pid belonging to something else is left alone).
     */
    public static void stopIfRunning(Path pidFile, String executableName, String serverName, Duration grace) {
        readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessLiveness::isRunning)
                .filter(process -> process.info().command().map(c -> c.contains(executableName)).orElse(false))
                .ifPresent(process -> {
                    LOG.warn("{}: stopping a server left running by an earlier run (pid {})",
                            serverName, process.pid());
                    ProcessTermination.terminate(process, grace);
                });
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
