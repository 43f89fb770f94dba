package dev.ficus.devstack;

import static dev.ficus.devstack.ServerChecks.queryOne;
import static dev.ficus.devstack.ServerChecks.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ficus.devstack.process.FreePort;
import dev.ficus.devstack.process.ProcessTermination;

/** What a signal to the JVM running the stack (Ctrl-C / SIGTERM on {@code ficus dev}, or SIGKILL) leaves behind. */
class DevStackShutdownIT {

    @TempDir
    Path dir;

    @Test
    void sigtermOnTheJvmStopsEveryServer() throws Exception {
        Process child = startChildStack(dir.resolve("stack"), dir.resolve("child.log"));
        List<ProcessHandle> servers = awaitServerPids(child, dir.resolve("child.log"));
        assertThat(running(servers)).hasSize(3);

        child.destroy(); // SIGTERM: the JVM runs its shutdown hooks

        assertThat(ProcessTermination.awaitExit(child.toHandle(), Duration.ofSeconds(60))).isTrue();
        assertThat(running(servers)).isEmpty();
        assertThat(Files.readString(dir.resolve("child.log"))).contains("MariaDB 11.4.5 stopped");
    }

    @Test
    void aStartAfterSigkillStopsTheServersLeftRunningAndKeepsTheirData() throws Exception {
        Path workDir = dir.resolve("stack");
        Process child = startChildStack(workDir, dir.resolve("child.log"));
        List<ProcessHandle> orphans = awaitServerPids(child, dir.resolve("child.log"));

        child.destroyForcibly(); // SIGKILL: no hook runs, the servers outlive the JVM
        child.waitFor();
        try {
            assertThat(running(orphans)).hasSize(3);

            try (DevStack stack = DevStack.start(DevStackSettings.defaults().withWorkDir(workDir))) {
                assertThat(running(orphans)).isEmpty();
                try (Connection mariadb = JdbcConnections.mariadb(stack.mariadb())) {
                    assertThat(queryOne(mariadb, "SELECT DATABASE()")).isEqualTo("magento");
                }
                assertThat(stack.processes()).doesNotContainAnyElementsOf(orphans);
            }
        } finally {
            running(orphans).forEach(orphan -> ProcessTermination.terminate(orphan, Duration.ofSeconds(10)));
        }
    }

    /**
     * As after a kill -9 of {@code ficus dev}: the killed stack's servers still hold its fixed ports. The next start
     * on that work directory stops them before it checks the ports; a start on another work directory finds the
     * ports taken by servers that are not its own, says so, and leaves them running.
     */
    @Test
    void afterSigkillOnFixedPortsTheNextStartStopsItsOwnLeftoversAndNoOneElses() throws Exception {
        Path workDir = dir.resolve("stack");
        List<Integer> ports = distinctFreePorts(3);
        Process child = startChildStack(dir.resolve("child.log"), workDir.toString(), ports.get(0).toString(),
                ports.get(1).toString(), ports.get(2).toString());
        List<ProcessHandle> orphans = awaitServerPids(child, dir.resolve("child.log"));

        child.destroyForcibly();
        child.waitFor();
        try {
            assertThat(running(orphans)).hasSize(3);

            assertThatThrownBy(() -> DevStack.start(onPorts(dir.resolve("other"), ports)))
                    .isInstanceOf(DevStackException.class)
                    .hasMessageContaining("MariaDB cannot start on port " + ports.get(0)
                            + ": another process listens there");
            assertThat(running(orphans)).as("another work directory's servers are left alone").hasSize(3);

            try (DevStack stack = DevStack.start(onPorts(workDir, ports))) {
                assertThat(running(orphans)).isEmpty();
                assertThat(List.of(stack.mariadb().port(), stack.postgres().port(), stack.redis().port()))
                        .isEqualTo(ports);
                try (Connection mariadb = JdbcConnections.mariadb(stack.mariadb())) {
                    assertThat(queryOne(mariadb, "SELECT DATABASE()")).isEqualTo("magento");
                }
            }
        } finally {
            running(orphans).forEach(orphan -> ProcessTermination.terminate(orphan, Duration.ofSeconds(10)));
        }
    }

    private static DevStackSettings onPorts(Path workDir, List<Integer> ports) {
        return DevStackSettings.defaults().withWorkDir(workDir)
                .withMariadb(ServerChoice.embeddedOnPort(ports.get(0)))
                .withPostgres(ServerChoice.embeddedOnPort(ports.get(1)))
                .withRedis(ServerChoice.embeddedOnPort(ports.get(2)));
    }

    private static List<Integer> distinctFreePorts(int count) {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < count) {
            ports.add(FreePort.pick());
        }
        return List.copyOf(ports);
    }

    private static Process startChildStack(Path workDir, Path log) throws IOException {
        return startChildStack(log, workDir.toString());
    }

    private static Process startChildStack(Path log, String... arguments) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                StackInChildJvm.class.getName()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static List<ProcessHandle> awaitServerPids(Process child, Path log) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> line = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(l -> l.startsWith(StackInChildJvm.PIDS_LINE)).findFirst();
            if (line.isPresent()) {
                return Arrays.stream(line.get().substring(StackInChildJvm.PIDS_LINE.length()).trim().split(" "))
                        .map(Long::parseLong)
                        .map(pid -> ProcessHandle.of(pid).orElseThrow())
                        .toList();
            }
            if (!child.isAlive()) {
                throw new AssertionError("the child JVM died: " + Files.readString(log));
            }
            Thread.sleep(100);
        }
        child.destroyForcibly();
        throw new AssertionError("the child JVM never reported its servers: " + Files.readString(log));
    }
}
