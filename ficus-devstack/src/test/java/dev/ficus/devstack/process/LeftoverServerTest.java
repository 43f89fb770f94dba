package dev.ficus.devstack.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Only a process that provably belongs to the work directory is stopped: named by its pid file, running the
 * expected program, and running inside the directory. Real processes ({@code sleep}) stand in for the servers.
 */
class LeftoverServerTest {

    @TempDir
    Path dir;

    @Test
    void aServerRunningInItsDirectoryIsStopped() throws IOException {
        Path own = Files.createDirectories(dir.resolve("work").resolve("redis"));
        Process leftover = new ProcessBuilder("sleep", "300").directory(own.toFile()).start();
        try {
            Files.writeString(own.resolve("server.pid"), leftover.pid() + "\n");

            boolean stopped = LeftoverServer.stopIfRunning(own.resolve("server.pid"), "sleep", "test server", own,
                    Duration.ofSeconds(5));

            assertThat(stopped).isTrue();
            assertThat(ProcessLiveness.isRunning(leftover.toHandle())).isFalse();
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void aServerNamingItsDirectoryInItsArgumentsIsStopped() throws IOException {
        Path own = Files.createDirectories(dir.resolve("work").resolve("mariadb"));
        // the working directory elsewhere, the data directory an argument: how MariaDB is started
        Process leftover = new ProcessBuilder("sh", "-c", "sleep 300; true", "server", "--datadir=" + own.resolve("data"))
                .directory(dir.toFile()).start();
        try {
            Files.writeString(own.resolve("server.pid"), leftover.pid() + "\n");
            assertThat(ProcessOwnership.runsIn(leftover.toHandle(), own)).isTrue();
        } finally {
            leftover.destroyForcibly();
        }
    }

    @Test
    void theSameProgramRunningElsewhereIsLeftAlone() throws IOException {
        Path own = Files.createDirectories(dir.resolve("work").resolve("redis"));
        Path stranger = Files.createDirectories(dir.resolve("work-of-someone-else"));
        Process foreign = new ProcessBuilder("sleep", "300").directory(stranger.toFile()).start();
        try {
            // a pid file naming a pid now used by another process of the same name (a recycled pid)
            Files.writeString(own.resolve("server.pid"), foreign.pid() + "\n");

            boolean stopped = LeftoverServer.stopIfRunning(own.resolve("server.pid"), "sleep", "test server", own,
                    Duration.ofSeconds(1));

            assertThat(stopped).isFalse();
            assertThat(foreign.isAlive()).isTrue();
            // a sibling whose name starts like ours is not inside ours
            assertThat(ProcessOwnership.runsIn(foreign.toHandle(), dir.resolve("work"))).isFalse();
        } finally {
            foreign.destroyForcibly();
        }
    }

    @Test
    void aPidFileOfAnotherProgramIsLeftAlone() throws IOException {
        Process sleeper = new ProcessBuilder("sleep", "300").directory(dir.toFile()).start();
        try {
            Files.writeString(dir.resolve("server.pid"), sleeper.pid() + "\n");

            LeftoverServer.stopIfRunning(dir.resolve("server.pid"), "mariadbd", "MariaDB", dir,
                    Duration.ofSeconds(1));

            assertThat(sleeper.isAlive()).isTrue();
        } finally {
            sleeper.destroyForcibly();
        }
    }
}
