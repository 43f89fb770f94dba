package dev.ficus.bench.tool;

import dev.ficus.devstack.process.ProcessTermination;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A program a bench runs beside what it measures (NGINX, wrk), taken from Debian's package of the same name: found
 * where the package puts it, or installed with {@code apt-get} when that is allowed.
 */
public final class DebianTool {
    private static final Logger LOG = LoggerFactory.getLogger(DebianTool.class);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);

    private DebianTool() {
    }

    /** The binary if it is there or could be installed; otherwise why not (the report says so). */
    public record Availability(Optional<Path> binary, String problem) {
        static Availability found(Path binary) {
            return new Availability(Optional.of(binary), "");
        }

        static Availability missing(String problem) {
            return new Availability(Optional.empty(), problem);
        }
    }

    /**
     * Finds {@code binary}; when it is missing and {@code install} is set, installs Debian's package {@code pkg}
     * with {@code apt-get install -y} (after an {@code apt-get update} if the first try fails). The package
     * manager's output goes to {@code logDir/apt.log}.
     *
     * @param refusal the option that forbade the installation, named when the binary is missing
     */
    public static Availability ensureInstalled(Path binary, String pkg, boolean install, String refusal,
                                               Path logDir) {
        if (Files.isExecutable(binary)) {
            return Availability.found(binary);
        }
        if (!install) {
            return Availability.missing(binary + " not found (installation not allowed by " + refusal + ")");
        }
        Path log = logDir.resolve("apt.log");
        LOG.info("{} not found: installing Debian's {} package (output in {})", binary, pkg, log);
        try {
            if (apt(log, "apt-get", "install", "-y", pkg) != 0) {
                apt(log, "apt-get", "update");
                int status = apt(log, "apt-get", "install", "-y", pkg);
                if (status != 0) {
                    return Availability.missing("apt-get install -y " + pkg + " failed with status " + status + ": "
                            + lastLines(log, 3));
                }
            }
        } catch (IOException e) {
            return Availability.missing("cannot run apt-get: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Availability.missing("interrupted while installing " + pkg);
        }
        return Files.isExecutable(binary) ? Availability.found(binary)
                : Availability.missing("apt-get installed " + pkg + ", but " + binary + " is still missing");
    }

    private static int apt(Path log, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // no questions, and no service started by the package's scripts: the bench runs its own instance
        pb.environment().put("DEBIAN_FRONTEND", "noninteractive");
        pb.environment().put("RUNLEVEL", "1");
        Process p = pb.start();
        if (!p.waitFor(INSTALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            ProcessTermination.terminate(p.toHandle(), Duration.ofSeconds(5));
            return -1;
        }
        return p.exitValue();
    }

    /** The last {@code n} lines of a tool's log, joined on one line for an error message. */
    public static String lastLines(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file);
            return String.join(" / ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(no " + file.getFileName() + ")";
        }
    }
}
