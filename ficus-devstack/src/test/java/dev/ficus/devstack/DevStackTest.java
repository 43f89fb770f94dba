package dev.ficus.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.config.Secret;
import dev.ficus.devstack.process.FreePort;

/**
 * What the stack does before any server starts: external servers are checked first, so a wrong one fails the start
 * without an embedded server being started. The servers themselves are exercised by {@link DevStackIT}.
 */
class DevStackTest {

    @TempDir
    Path workDir;

    @Test
    void anExternalServerThatDoesNotAnswerFailsTheStartNamingIt() {
        int nobodyListens = FreePort.pick();
        DevStackSettings settings = DevStackSettings.defaults().withWorkDir(workDir)
                .withPostgres(ServerChoice.external(
                        new DatabaseEndpoint("127.0.0.1", nobodyListens, "ficus", Secret.of("hunter2"), "ficus")));

        assertThatThrownBy(() -> DevStack.start(settings))
                .isInstanceOf(DevStackException.class)
                .hasMessageContaining("PostgreSQL at 127.0.0.1:" + nobodyListens)
                .hasMessageNotContaining("hunter2");
        assertThat(workDir.resolve("mariadb")).doesNotExist();
        assertThat(workDir.resolve("redis")).doesNotExist();
    }

    @Test
    void aFailedStartReleasesTheWorkDir() {
        DevStackSettings unreachable = DevStackSettings.defaults().withWorkDir(workDir)
                .withMariadb(ServerChoice.external(
                        new DatabaseEndpoint("127.0.0.1", FreePort.pick(), "root", Secret.empty(), "")));
        assertThatThrownBy(() -> DevStack.start(unreachable)).isInstanceOf(DevStackException.class);

        // the lock is free again: a second attempt fails the same way, not with "in use"
        assertThatThrownBy(() -> DevStack.start(unreachable))
                .isInstanceOf(DevStackException.class)
                .isNotInstanceOf(WorkDirInUseException.class);
    }

    @Test
    void aFixedPortThatIsTakenFailsTheStartBeforeAnyServerRuns() throws Exception {
        try (ServerSocket squatter = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int taken = squatter.getLocalPort();
            DevStackSettings settings = DevStackSettings.defaults().withWorkDir(workDir)
                    .withMariadb(ServerChoice.embeddedOnPort(taken))
                    .withPostgres(ServerChoice.embeddedOnPort(taken))
                    .withRedis(ServerChoice.embeddedOnPort(taken));

            assertThatThrownBy(() -> DevStack.start(settings))
                    .isInstanceOf(DevStackException.class)
                    .hasMessageContaining("MariaDB cannot start on port " + taken);
            assertThat(workDir.resolve("mariadb")).doesNotExist();
        }
    }
}
