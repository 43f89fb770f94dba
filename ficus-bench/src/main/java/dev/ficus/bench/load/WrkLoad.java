package dev.ficus.bench.load;

import dev.ficus.bench.report.Latencies;
import dev.ficus.devstack.process.ProcessTermination;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed-loop runs made by wrk (Debian's package) in a process of its own, with one thread: the load generator of
 * issue 14's figures, and one that costs a fraction of what this JVM's client costs per request, so that on a small
 * machine the cores go to what is measured. wrk reports totals only: an entry's observer sees no reply.
 *
 * <p>wrk measures whole seconds: every duration and the timeout are rounded up to the next second (at least one).
 * Its latencies are service times from the actual send, as {@link ClosedLoopLoad}'s are, over every answer.
 */
public final class WrkLoad implements InterleavedRuns.ClosedLoopRunner {
    private static final Logger LOG = LoggerFactory.getLogger(WrkLoad.class);
    public static final Path DEFAULT_BINARY = Path.of("/usr/bin/wrk");
    /** The line wrk's done() hook prints for {@link #parse}; the rest of its output is written for people. */
    static final String LINE_PREFIX = "ficus-wrk ";
    static final String SCRIPT = """
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("%sduration_us=%%d requests=%%d connect=%%d read=%%d write=%%d status=%%d "
                .. "timeout=%%d p50_us=%%d p99_us=%%d p999_us=%%d max_us=%%d\\n",
                summary.duration, summary.requests, e.connect, e.read, e.write, e.status, e.timeout,
                latency:percentile(50), latency:percentile(99), latency:percentile(99.9), latency.max))
            end
            """.formatted(LINE_PREFIX);
    /** Beyond the run itself: wrk's start, its last answers (bounded by the timeout), its exit. */
    private static final Duration SLACK = Duration.ofSeconds(15);

    private final Path binary;
    private final Path dir;
    private final Path script;

    /** @param dir where the script and each run's output go */
    public WrkLoad(Path binary, Path dir) {
        this.binary = binary;
        this.dir = dir;
        this.script = dir.resolve("ficus-wrk.lua");
        try {
            Files.createDirectories(dir);
            Files.writeString(script, SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write wrk's script to " + dir, e);
        }
    }

    /** A warm-up run first when the settings have one (not counted), then the measured run. */
    @Override
    public LoadResult run(InterleavedRuns.Entry entry, ClosedLoopLoad.Settings settings) {
        if (!settings.warmup().isZero()) {
            once(entry.target(), settings.connections(), settings.warmup(), settings.timeout());
        }
        return once(entry.target(), settings.connections(), settings.duration(), settings.timeout());
    }

    private LoadResult once(HttpTarget target, int connections, Duration duration, Duration timeout) {
        List<String> command = command(binary, script, target, connections, duration, timeout);
        LOG.info("wrk: {} with {} connections for {} s", target.name(), connections, wholeSeconds(duration));
        Path output = dir.resolve("wrk-output.txt");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            long waitSeconds = wholeSeconds(duration) + wholeSeconds(timeout) + SLACK.toSeconds();
            if (!p.waitFor(waitSeconds, TimeUnit.SECONDS)) {
                ProcessTermination.terminate(p.toHandle(), Duration.ofSeconds(2));
                throw new IllegalStateException("wrk did not finish within " + waitSeconds + " s: "
                        + String.join(" ", command));
            }
            String text = Files.readString(output);
            if (p.exitValue() != 0) {
                throw new IllegalStateException("wrk failed with status " + p.exitValue() + ": " + text.strip());
            }
            return parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + binary, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during a wrk run", e);
        }
    }

    /** wrk's command line: one thread, {@code connections} connections, the target's one path and its headers. */
    static List<String> command(Path binary, Path script, HttpTarget target, int connections, Duration duration,
                                Duration timeout) {
        if (target.paths().size() != 1) {
            throw new IllegalArgumentException("wrk asks for one path; " + target.name() + " has "
                    + target.paths().size());
        }
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--threads", "1",
                "--connections", Integer.toString(connections),
                "--duration", wholeSeconds(duration) + "s", "--timeout", wholeSeconds(timeout) + "s",
                "--script", script.toString()));
        target.headers().forEach((name, value) -> {
            command.add("--header");
            command.add(name + ": " + value);
        });
        command.add("http://" + target.host() + ":" + target.port() + target.paths().get(0));
        return command;
    }

    /** wrk takes whole seconds only: {@code d} rounded up, at least one. */
    public static long wholeSeconds(Duration d) {
        long seconds = d.toSeconds() + (d.toNanosPart() > 0 ? 1 : 0);
        return Math.max(1, seconds);
    }

    /**
     * The run's figures from the line the script printed. wrk counts answers with a status of 400 or more under
     * {@code status} (they are not ok), and requests that got no answer (timed out, connection refused, reset)
     * under the socket errors.
     *
     * @throws IllegalStateException when wrk printed no such line (a wrk without Lua, a crash)
     */
    static LoadResult parse(String output) {
        String line = output.lines().filter(l -> l.startsWith(LINE_PREFIX)).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no summary line ('" + LINE_PREFIX.strip()
                        + " …'); its output: " + output.strip()));
        Map<String, Long> v = new HashMap<>();
        for (String pair : line.substring(LINE_PREFIX.length()).trim().split("\\s+")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                v.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
            }
        }
        long answers = field(v, "requests");
        long failedStatus = field(v, "status");
        long unanswered = field(v, "connect") + field(v, "read") + field(v, "write") + field(v, "timeout");
        long ok = answers - failedStatus;
        long errors = failedStatus + unanswered;
        Latencies.Summary latencies = new Latencies.Summary(answers, errors, field(v, "p50_us") / 1000.0,
                field(v, "p99_us") / 1000.0, field(v, "p999_us") / 1000.0, field(v, "max_us") / 1000.0);
        return new LoadResult(ok + errors, ok, errors, field(v, "duration_us") / 1e6, latencies,
                sampleError(v));
    }

    private static long field(Map<String, Long> values, String name) {
        Long value = values.get(name);
        if (value == null) {
            throw new IllegalStateException("wrk's summary line has no " + name + ": " + values);
        }
        return value;
    }

    private static String sampleError(Map<String, Long> v) {
        if (v.get("status") > 0) {
            return "HTTP 4xx/5xx";
        }
        Map<String, String> reasons = Map.of("timeout", "timed out", "read", "read failed", "write", "write failed",
                "connect", "connect failed");
        for (String socket : List.of("timeout", "read", "write", "connect")) {
            if (v.get(socket) > 0) {
                return reasons.get(socket);
            }
        }
        return null;
    }
}
