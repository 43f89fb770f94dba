package dev.ficus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `ficus dev` as a user runs it: everything starts, the table says where, and everything stops again. */
class DevCommandIT {
    @Test
    void startsTheWholeStackPrintsWhereAndStops(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("ficus.yaml");
        Files.writeString(config, """
                devstack:
                  work_dir: %s
                magento:
                  database: { port: 0 }
                platform:
                  postgres: { port: 0 }
                  redis: { port: 0 }
                """.formatted(dir.resolve("work")));
        CommandLineTest.Result r = CommandLineTest.run("dev", "--config", config.toString(), "--exit-after-start");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("Ficus dev stack is up")
                .containsPattern("jdbc:mariadb://127\\.0\\.0\\.1:\\d+/magento")
                .containsPattern("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/ficus")
                .containsPattern("redis://127\\.0\\.0\\.1:\\d+");
        assertThat(dir.resolve("work/mariadb")).isDirectory();
        assertThat(ProcessHandle.current().children().toList()).as("no server left running").isEmpty();
    }
}
