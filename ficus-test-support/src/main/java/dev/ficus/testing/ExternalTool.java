package dev.ficus.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A program from the machine that a test drives (promtool, kubectl, chromium): found on the {@code PATH}, or not. A
 * developer without it gets a skipped test with the command that installs it; CI exports
 * {@value #REQUIRE}{@code =1} (.ci/run), where a missing tool fails the test instead, so that a check never silently
 * stops running there. Not a {@code FICUS_} name: every {@code FICUS_} variable is a configuration key to the command
 * line, which refuses one it does not know (a CI run exporting such a name made every command exit 3).
 */
public final class ExternalTool {
    public static final String REQUIRE = "CI_REQUIRE_TOOLS";

    private final String name;
    private final Path path;
    private final String install;

    private ExternalTool(String name, Path path, String install) {
        this.name = name;
        this.path = path;
        this.install = install;
    }

    /** {@code install} says how to get it, e.g. {@code apt-get install prometheus}. */
    public static ExternalTool find(String name, String install) {
        return find(name, install, System.getenv());
    }

    static ExternalTool find(String name, String install, Map<String, String> env) {
        Path found = null;
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                found = candidate;
                break;
            }
        }
        if (found == null && "1".equals(env.get(REQUIRE))) {
            throw new AssertionError(name + " is not on the PATH, and " + REQUIRE + "=1 says this check must run: "
                    + install);
        }
        return new ExternalTool(name, found, install);
    }

    public boolean present() {
        return path != null;
    }

    public Path path() {
        return Optional.ofNullable(path).orElseThrow(() -> new IllegalStateException(name + " is not installed"));
    }

    /** The message for a skipped test. */
    public String missing() {
        return name + " is not on the PATH, so this check is skipped (" + install + "; CI sets " + REQUIRE
                + "=1, where it fails instead)";
    }

    /** What a run printed (stdout and stderr together) and how it ended. */
    public record Result(int exitCode, String output) {
    }

    /** Runs the tool with {@code args} in {@code dir}; a run longer than {@code timeout} is killed and fails. */
    public Result run(Path dir, Duration timeout, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(path().toString());
        command.addAll(List.of(args));
        Path log = Files.createTempFile(name + "-", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " took longer than " + timeout + ":\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
