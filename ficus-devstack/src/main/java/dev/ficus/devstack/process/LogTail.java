package dev.ficus.devstack.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The last lines of a server's log, appended to an error so that a failed start explains itself. */
public final class LogTail {
    private static final int LINES = 15;

    private LogTail() {
    }

    public static String of(Path logFile) {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            List<String> tail = lines.subList(Math.max(0, lines.size() - LINES), lines.size());
            return tail.isEmpty() ? " (log " + logFile + " is empty)"
                    : "; last lines of " + logFile + ":\n  " + String.join("\n  ", tail);
        } catch (IOException e) {
            return " (no log at " + logFile + ")";
        }
    }
}
