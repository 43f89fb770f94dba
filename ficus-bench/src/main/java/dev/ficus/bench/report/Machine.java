package dev.ficus.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine a bench ran on: a figure means little without it. */
public record Machine(String cpu, int cores, long memoryBytes, String os, String java) {

    public static Machine current() {
        return new Machine(cpuModel(), Runtime.getRuntime().availableProcessors(), totalMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    /** One line, e.g. {@code 2 cores (AMD EPYC 7B13), 24.0 GiB, Linux 6.1 amd64, OpenJDK 64-Bit Server VM 17.0.15}. */
    public String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB, %s, %s", cores, cpu,
                memoryBytes / (1024.0 * 1024 * 1024), os, java);
    }

    private static String cpuModel() {
        try {
            List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
            for (String line : lines) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or not readable: the core count still says something
        }
        return "unknown CPU";
    }

    private static long totalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize();
        }
        return Runtime.getRuntime().maxMemory();
    }
}
