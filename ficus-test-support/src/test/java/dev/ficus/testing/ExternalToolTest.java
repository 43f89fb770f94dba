package dev.ficus.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalToolTest {
    @Test
    void aMissingToolSkipsOnADevelopersMachineAndFailsWhereToolsAreRequired(@TempDir Path dir) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Files.writeString(bin.resolve("present"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(bin.resolve("present"), PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.writeString(bin.resolve("not-executable"), "");

        assertThat(ExternalTool.find("present", "apt-get install x", Map.of("PATH", bin.toString(),
                ExternalTool.REQUIRE, "1")).path()).isEqualTo(bin.resolve("present"));
        ExternalTool missing = ExternalTool.find("not-executable", "apt-get install y", Map.of("PATH", bin.toString()));
        assertThat(missing.present()).isFalse();
        assertThat(missing.missing()).contains("apt-get install y", ExternalTool.REQUIRE);
        assertThatThrownBy(() -> ExternalTool.find("absent", "apt-get install z",
                Map.of("PATH", bin.toString(), ExternalTool.REQUIRE, "1")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("apt-get install z");
    }
}
