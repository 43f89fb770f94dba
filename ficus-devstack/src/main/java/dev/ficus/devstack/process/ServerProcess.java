package dev.ficus.devstack.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A server binary started by this JVM. Its output goes to a log file, never to the console, so a developer sees one
 * line per server instead of a server's start-up chatter; the log file is where to look when a start fails.
 */
public final class ServerProcess {
    private static final Duration POLL = Duration.ofMillis(50);
    private static final int EXEC_ATTEMPTS = 5;

    private final String name;
    private final Process process;
    private final Path logFile;

    private ServerProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code command} in {@code workingDir} with stdout and stderr appended to {@code logFile}. */
    public static ServerProcess start(String name, List<String> command, Path workingDir, Path logFile,
                                      Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(environment);
        for (int attempt = 1; ; attempt++) {
            try {
                return new ServerProcess(name, builder.start(), logFile);
            } catch (IOException e) {
                if (!isTextFileBusy(e) || attempt == EXEC_ATTEMPTS) {
                    throw new UncheckedIOException("could not start " + name + " (" + command.get(0) + ")", e);
                }
                sleep(Duration.ofMillis(50L * attempt));
            }
        }
    }

    /**
     * ETXTBSY: a binary just written (Redis's, unpacked at each start) is still open for writing in a process forked
     * meanwhile by another thread of this JVM (the other servers start side by side), until that child's exec
     * closes it. It passes within milliseconds.
     */
    private static boolean isTextFileBusy(IOException e) {
        return e.getMessage() != null && (e.getMessage().contains("error=26") || e.getMessage().contains("Text file busy"));
    }

    /** Runs a one-shot command (an installer) to completion; a non-zero exit fails with the log's last lines. */
    public static void run(String name, List<String> command, Path workingDir, Path logFile,
                           Map<String, String> environment, Duration timeout) {
        ServerProcess oneShot = start(name, command, workingDir, logFile, environment);
        try {
            if (!oneShot.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                oneShot.stop(Duration.ofSeconds(5));
                throw new IllegalStateException(name + " did not finish within " + timeout + LogTail.of(logFile));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            oneShot.stop(Duration.ofSeconds(5));
            throw new IllegalStateException("interrupted while running " + name, e);
        }
        if (oneShot.process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with exit status " + oneShot.process.exitValue()
                    + LogTail.of(logFile));
        }
    }

    /**
     * Waits until {@code probe} answers true. Fails early, with the end of the log, when the process dies first
     * (a port taken by someone else, a broken data directory), instead of waiting out the timeout.
     */
    public void awaitReady(Duration timeout, ReadinessProbe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new ServerExitedException(name + " exited with status " + process.exitValue()
                        + " while starting" + LogTail.of(logFile));
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (Exception e) {
                lastFailure = e;
            }
            sleep(POLL);
        }
        stop(Duration.ofSeconds(5));
        IllegalStateException timedOut = new IllegalStateException(
                name + " did not become ready within " + timeout + LogTail.of(logFile));
        if (lastFailure != null) {
            timedOut.initCause(lastFailure);
        }
        throw timedOut;
    }

    /** Asks the server to shut down cleanly (SIGTERM), and kills it and its children only when it will not. */
    public void stop(Duration grace) {
        ProcessTermination.terminate(process.toHandle(), grace);
    }

    public ProcessHandle handle() {
        return process.toHandle();
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static java.io.File nullDevice() {
        return new java.io.File("/dev/null");
    }

    /** A check that the server answers; returning false or throwing both mean "not yet". */
    @FunctionalInterface
    public interface ReadinessProbe {
        boolean ready() throws Exception;
    }

    /** The server process ended before it became ready; with a port picked at random, a retry may succeed. */
    public static final class ServerExitedException extends IllegalStateException {
        public ServerExitedException(String message) {
            super(Objects.requireNonNull(message));
        }
    }
}
