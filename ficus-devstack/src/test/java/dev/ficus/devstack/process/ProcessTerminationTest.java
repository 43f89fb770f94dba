package dev.ficus.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class ProcessTerminationTest {

    @Test
    void aProcessThatHonoursSigtermStopsWithItsChildren() throws IOException {
        Process shell = new ProcessBuilder("sh", "-c", "sleep 300 & wait").start();
        ProcessHandle child = awaitOneChild(shell.toHandle());

        ProcessTermination.terminate(shell.toHandle(), Duration.ofSeconds(5));

        assertThat(ProcessLiveness.isRunning(shell.toHandle())).isFalse();
        assertThat(ProcessLiveness.isRunning(child)).isFalse();
    }

    @Test
    void aProcessThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws IOException {
        Process stubborn = new ProcessBuilder("sh", "-c", "trap '' TERM; sleep 300 & wait").start();
        awaitOneChild(stubborn.toHandle());

        ProcessTermination.terminate(stubborn.toHandle(), Duration.ofMillis(300));

        assertThat(ProcessLiveness.isRunning(stubborn.toHandle())).isFalse();
        assertThat(stubborn.toHandle().descendants().filter(ProcessLiveness::isRunning)).isEmpty();
    }

    private static ProcessHandle awaitOneChild(ProcessHandle parent) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            List<ProcessHandle> children = parent.children().toList();
            if (!children.isEmpty()) {
                return children.get(0);
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the shell did not fork its child");
    }
}
