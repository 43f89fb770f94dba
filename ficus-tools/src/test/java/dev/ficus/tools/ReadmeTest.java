package dev.ficus.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ficus.cli.Sections;
import dev.ficus.core.config.ConfigReference;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's configuration reference is generated from the sections; this keeps the two from drifting apart. */
class ReadmeTest {
    @Test
    void readmeCarriesTheCurrentConfigurationReference() throws Exception {
        Path readme = Path.of("..", "README.md");
        assertThat(readme).exists();
        assertThat(Files.readString(readme))
                .as("README.md's configuration reference is stale: run 'bin/ficus config reference --update README.md'")
                .contains(ConfigReference.markdown(Sections.all()));
    }
}
