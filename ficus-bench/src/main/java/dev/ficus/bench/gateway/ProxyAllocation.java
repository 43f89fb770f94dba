package dev.ficus.bench.gateway;

import dev.ficus.bench.load.ClosedLoopLoad;
import dev.ficus.bench.load.HttpTarget;
import dev.ficus.bench.load.InterleavedRuns;
import dev.ficus.bench.load.LoadResult;
import dev.ficus.bench.load.WrkLoad;
import dev.ficus.bench.tool.NginxProxy;
import dev.ficus.core.config.ConfigLoader;
import dev.ficus.core.config.ConfigSource;
import dev.ficus.core.config.LoadedConfig;
import dev.ficus.core.config.MagentoConfig;
import dev.ficus.core.metrics.Metrics;
import dev.ficus.devstack.process.FileTrees;
import dev.ficus.devstack.process.FreePort;
import dev.ficus.events.Domain;
import dev.ficus.gateway.Gateway;
import dev.ficus.gateway.config.GatewayConfig;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Bytes the gateway allocates per proxied read, a figure that a busy machine does not blur the way it blurs req/s:
 * the static upstream of {@link StaticUpstreamBench} (NGINX serving the product JSON, every flag off), the gateway in
 * this JVM, wrk (a process of its own, allocating nothing here) driving reads at full speed. After a warm-up, the
 * heap bytes each thread allocated during the run ({@code com.sun.management.ThreadMXBean}) over the reads the
 * gateway counted in its own request timer; then a second run under JFR's allocation sampling shows where on the
 * event loops the bytes go (the sampled weights scaled to the measured total).
 *
 * <p>{@code java -cp ficus-cli/target/classes:$(cat ficus-cli/target/classpath.txt)
 * dev.ficus.bench.gateway.ProxyAllocation [SECONDS [WARMUP_SECONDS [TOP [KEEP.jfr]]]]} (defaults 15, 15, 25; TOP 0
 * skips the JFR run; the recording is kept only when a path is given, for {@code jfr print} or JDK Mission Control). NGINX and wrk
 * must be installed ({@code ficus bench gateway --upstream static} installs them).
 */
public final class ProxyAllocation {
    private static final int CONNECTIONS = 32;
    private static final String EVENT_LOOP = "vert.x-eventloop-thread-";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Frames shown of each of the heaviest stacks: enough to reach the gateway's code from Netty's. */
    private static final int STACK_DEPTH = 22;

    private ProxyAllocation() {
    }

    public static void main(String[] args) throws Exception {
        Duration run = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 15);
        Duration warmup = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 15);
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        Path keep = args.length > 3 ? Path.of(args[3]) : null;
        Path dir = Files.createTempDirectory("ficus-alloc-");
        try {
            measure(dir, run, warmup, top, keep);
        } finally {
            FileTrees.deleteRecursively(dir);
        }
        System.exit(0);
    }

    private static void measure(Path dir, Duration run, Duration warmup, int top, Path keep) throws Exception {
        Path originDir = dir.resolve("origin");
        FileTrees.createDirectories(originDir);
        Path body = originDir.resolve("product.json");
        Files.writeString(body, StaticProduct.json(), StandardCharsets.UTF_8);
        PrometheusMeterRegistry registry = Metrics.newRegistry("gateway");
        try (NginxProxy origin = NginxProxy.startOrigin(NginxProxy.DEFAULT_BINARY, originDir, body, 1);
             Gateway gateway = startGateway(dir, origin.port(), registry)) {
            HttpTarget target = new HttpTarget("gateway", "127.0.0.1", gateway.port(), List.of(StaticProduct.PATH),
                    Map.of());
            WrkLoad wrk = new WrkLoad(WrkLoad.DEFAULT_BINARY, dir.resolve("wrk"));
            InterleavedRuns.Entry entry = new InterleavedRuns.Entry(target, reply -> { });
            wrk.run(entry, new ClosedLoopLoad.Settings(CONNECTIONS, Duration.ZERO, warmup, TIMEOUT));

            Map<String, Long> before = allocatedByThreadGroup();
            long loopCpuBefore = eventLoopCpuNanos();
            long processCpuBefore = processCpuNanos();
            long[] gcBefore = collections();
            long readsBefore = reads(registry);
            LoadResult result = wrk.run(entry, new ClosedLoopLoad.Settings(CONNECTIONS, Duration.ZERO, run, TIMEOUT));
            long reads = reads(registry) - readsBefore;
            long processCpu = processCpuNanos() - processCpuBefore;
            long loopCpu = eventLoopCpuNanos() - loopCpuBefore;
            long[] gcAfter = collections();
            Map<String, Long> after = allocatedByThreadGroup();
            System.out.printf("%d reads in %.1f s (%,.0f req/s by wrk, p50 %.2f ms, p99 %.2f ms, %d errors)%n", reads,
                    result.seconds(), result.okPerSecond(), result.latencies().p50Ms(), result.latencies().p99Ms(),
                    result.errors());
            System.out.println("heap bytes allocated per proxied read, by thread (ThreadMXBean):");
            long eventLoops = 0;
            for (Map.Entry<String, Long> e : after.entrySet()) {
                long bytes = e.getValue() - before.getOrDefault(e.getKey(), 0L);
                if (bytes > 0) {
                    System.out.printf("  %-40s %,10.0f%n", e.getKey(), bytes / (double) reads);
                }
                if (e.getKey().startsWith(EVENT_LOOP)) {
                    eventLoops += bytes;
                }
            }
            double perRead = eventLoops / (double) reads;
            System.out.printf("event loops: %,.0f bytes/read%n", perRead);
            // CPU time per read moves far less with the machine's load than req/s do (it still moves some: caches,
            // the other hyper-thread); the process's includes the collector's and the JIT compiler's threads
            System.out.printf("CPU per read: event loops %.2f us, whole process %.2f us%n", loopCpu / 1e3 / reads,
                    processCpu / 1e3 / reads);
            long gcs = gcAfter[0] - gcBefore[0];
            System.out.printf("collections: %d (%.1f per 100k reads, one per %,.0f reads), %d ms in them (%.2f ms "
                            + "each; the collectors' own accounting, pauses and concurrent work alike)%n", gcs,
                    gcs * 1e5 / reads, gcs == 0 ? 0.0 : reads / (double) gcs, gcAfter[1] - gcBefore[1],
                    gcs == 0 ? 0.0 : (gcAfter[1] - gcBefore[1]) / (double) gcs);

            if (top == 0) {
                return;
            }
            Path jfr = dir.resolve("alloc.jfr");
            try (Recording recording = new Recording()) {
                // every TLAB refill and every allocation outside a TLAB, weighed by the bytes it stands for: not
                // jdk.ObjectAllocationSample, whose weights (the bytes since the last emitted sample) went to a few
                // unlucky sites here (41 % to a 30-byte string concatenation)
                recording.enable("jdk.ObjectAllocationInNewTLAB").withStackTrace();
                recording.enable("jdk.ObjectAllocationOutsideTLAB").withStackTrace();
                recording.start();
                wrk.run(entry, new ClosedLoopLoad.Settings(CONNECTIONS, Duration.ZERO, run, TIMEOUT));
                recording.stop();
                recording.dump(jfr);
            }
            if (keep != null) {
                Files.copy(jfr, keep, StandardCopyOption.REPLACE_EXISTING);
            }
            breakdown(jfr, perRead, top);
        }
    }

    private static Gateway startGateway(Path dir, int originPort, PrometheusMeterRegistry registry)
            throws IOException {
        Path flags = dir.resolve("flags");
        FileTrees.createDirectories(flags);
        Map<Domain, Integer> closedPorts = new EnumMap<>(Domain.class);
        for (Domain d : Domain.values()) {
            Files.writeString(flags.resolve(d.flag()), "false\n");
            closedPorts.put(d, FreePort.pick());
        }
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, StaticUpstreamBench.gatewayYaml(FreePort.pick(), originPort, flags, closedPorts));
        LoadedConfig loaded = ConfigLoader.load(ConfigSource.load(config, Map.of()),
                List.of(GatewayConfig.SECTION, MagentoConfig.SECTION));
        return Gateway.start(loaded.get(GatewayConfig.SECTION), loaded.get(MagentoConfig.SECTION), registry);
    }

    private static long eventLoopCpuNanos() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (long id : threads.getAllThreadIds()) {
            var info = threads.getThreadInfo(id);
            if (info != null && info.getThreadName().startsWith(EVENT_LOOP)) {
                total += Math.max(0, threads.getThreadCpuTime(id));
            }
        }
        return total;
    }

    /** Collections so far and the milliseconds they took, over every collector of this JVM. */
    private static long[] collections() {
        long count = 0;
        long millis = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new long[] {count, millis};
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Every request the gateway answered, from its own request timer. */
    private static long reads(PrometheusMeterRegistry registry) {
        return registry.find("http.request.duration").timers().stream().mapToLong(Timer::count).sum();
    }

    /** Bytes allocated so far by the live threads, summed by name (digits of pool threads kept). */
    private static Map<String, Long> allocatedByThreadGroup() {
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<String, Long> out = new TreeMap<>();
        for (int i = 0; i < ids.length; i++) {
            var info = threads.getThreadInfo(ids[i]);
            if (info != null && bytes[i] > 0) {
                out.merge(info.getThreadName(), bytes[i], Long::sum);
            }
        }
        return out;
    }

    /**
     * The event loops' sampled allocations, by allocation site (the first frame outside the JDK, and the class
     * allocated) and by the gateway's own frame nearest to the allocation (what in the gateway caused it).
     */
    private static void breakdown(Path jfr, double perRead, int top) throws IOException {
        Map<String, Double> bySite = new HashMap<>();
        Map<String, Double> byGatewayFrame = new HashMap<>();
        Map<String, Double> byClass = new HashMap<>();
        Map<String, Double> byStack = new HashMap<>();
        double total = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(jfr)) {
            String event = e.getEventType().getName();
            if (!event.startsWith("jdk.ObjectAllocation") || e.getThread() == null
                    || e.getThread().getJavaName() == null || !e.getThread().getJavaName().startsWith(EVENT_LOOP)) {
                continue;
            }
            double weight = event.equals("jdk.ObjectAllocationInNewTLAB") ? e.getLong("tlabSize")
                    : e.getLong("allocationSize");
            String type = e.getClass("objectClass").getName();
            total += weight;
            byClass.merge(type, weight, Double::sum);
            RecordedStackTrace stack = e.getStackTrace();
            List<RecordedFrame> frames = stack == null ? List.of() : stack.getFrames();
            bySite.merge(firstOutsideJdk(frames) + "  [" + type + "]", weight, Double::sum);
            byGatewayFrame.merge(nearestGatewayFrame(frames), weight, Double::sum);
            byStack.merge(type + "\n" + stack(frames), weight, Double::sum);
        }
        print("by class allocated", byClass, total, perRead, top);
        print("by allocation site (first frame outside java.*/jdk.*/sun.*) and class", bySite, total, perRead, top);
        print("by the nearest gateway frame (dev.ficus.gateway) above the allocation", byGatewayFrame, total,
                perRead, top);
        print("the heaviest stacks (the class allocated, then the frames, innermost first)", byStack, total,
                perRead, Math.max(1, top / 3));
    }

    private static String stack(List<RecordedFrame> frames) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(STACK_DEPTH, frames.size()); i++) {
            b.append("              at ").append(frame(frames.get(i))).append('\n');
        }
        return b.toString();
    }

    private static String firstOutsideJdk(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String type = f.getMethod().getType().getName();
            if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
                return frame(f);
            }
        }
        return frames.isEmpty() ? "(no stack)" : frame(frames.get(0));
    }

    private static String nearestGatewayFrame(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            if (f.getMethod().getType().getName().startsWith("dev.ficus.gateway.")) {
                return frame(f);
            }
        }
        return "(no gateway frame: Netty/Vert.x on their own)";
    }

    private static String frame(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName() + ":" + f.getLineNumber();
    }

    private static void print(String title, Map<String, Double> weights, double total, double perRead, int top) {
        System.out.println();
        System.out.println("event loops, " + title + " (bytes/read, JFR samples scaled to the measured total):");
        weights.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(top)
                .forEach(e -> System.out.printf("  %,8.0f  %4.1f %%  %s%n", perRead * e.getValue() / total,
                        100 * e.getValue() / total, e.getKey()));
    }
}
