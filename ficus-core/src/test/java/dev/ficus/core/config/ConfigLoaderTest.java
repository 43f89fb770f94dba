package dev.ficus.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    enum Mode { FILE, KUBERNETES, CONFIGMAP_FILE }

    record Sample(String name, int port, Duration timeout, Mode mode, Secret token, boolean enabled, List<String> tags,
                  Map<String, String> passthrough) {
    }

    static final ConfigSection<Sample> SAMPLE = new ConfigSection<>() {
        @Override
        public String name() {
            return "sample";
        }

        @Override
        public String description() {
            return "a section for tests";
        }

        @Override
        public Sample read(ConfigReader r) {
            return new Sample(
                    r.requiredString("name", "The name."),
                    r.port("port", 8000, "The port."),
                    r.duration("timeout", Duration.ofMillis(500), "The timeout."),
                    r.enumeration("mode", Mode.class, Mode.FILE, "The mode."),
                    r.secret("token", "The token."),
                    r.bool("enabled", true, "On or off."),
                    r.stringList("tags", List.of("a"), "Tags."),
                    r.map("extra", "Passed through."));
        }
    };

    private static LoadedConfig load(String yaml, Map<String, String> env) {
        return ConfigLoader.load(ConfigSource.fromYaml(yaml, env), List.of(SAMPLE));
    }

    @Test
    void readsTypedValuesAndDefaults() {
        Sample s = load("sample:\n  name: x\n  mode: kubernetes\n  timeout: 2s\n  tags: [b, c]\n  extra:\n    snapshot.mode: initial\n", Map.of())
                .get(SAMPLE);
        assertThat(s.name()).isEqualTo("x");
        assertThat(s.port()).isEqualTo(8000);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(s.mode()).isEqualTo(Mode.KUBERNETES);
        assertThat(s.enabled()).isTrue();
        assertThat(s.tags()).containsExactly("b", "c");
        assertThat(s.passthrough()).containsEntry("snapshot.mode", "initial");
    }

    @Test
    void missingRequiredKeyNamesTheKey() {
        assertThatThrownBy(() -> load("sample:\n  port: 1\n", Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.problems()).hasSize(1);
                    assertThat(e.problems().get(0).key()).isEqualTo("sample.name");
                    assertThat(e.problems().get(0).reason()).contains("is required").contains("FICUS_SAMPLE_NAME");
                });
    }

    @Test
    void badPortIsReportedWithItsKey() {
        assertThatThrownBy(() -> load("sample:\n  name: x\n  port: 70000\n", Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .singleElement()
                        .satisfies(p -> {
                            assertThat(p.key()).isEqualTo("sample.port");
                            assertThat(p.reason()).contains("port number").contains("70000");
                        }));
        assertThatThrownBy(() -> load("sample:\n  name: x\n  port: http\n", Map.of()))
                .hasMessageContaining("sample.port").hasMessageContaining("'http'");
    }

    @Test
    void unknownKeyGetsDidYouMean() {
        assertThatThrownBy(() -> load("sample:\n  name: x\n  prot: 80\n", Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.key()).isEqualTo("sample.prot");
                            assertThat(p.reason()).isEqualTo("unknown key — did you mean 'sample.port'?");
                        }));
    }

    @Test
    void unknownEnvironmentVariableGetsDidYouMean() {
        assertThatThrownBy(() -> load("sample:\n  name: x\n", Map.of("FICUS_SAMPLE_PROT", "80")))
                .hasMessageContaining("FICUS_SAMPLE_PROT").hasMessageContaining("did you mean FICUS_SAMPLE_PORT?");
    }

    @Test
    void badEnumListsAllowedValues() {
        assertThatThrownBy(() -> load("sample:\n  name: x\n  mode: etcd\n", Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.key()).isEqualTo("sample.mode");
                            assertThat(p.reason()).contains("file, kubernetes, configmap_file").contains("'etcd'");
                        }));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        assertThatThrownBy(() -> load("sample:\n  port: -1\n  mode: x\n  timeout: soon\n  nmae: y\n", Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::key)
                        .containsExactlyInAnyOrder("sample.name", "sample.port", "sample.mode", "sample.timeout", "sample.nmae"));
    }

    @Test
    void environmentBeatsTheFile() {
        LoadedConfig c = load("sample:\n  name: from-file\n  port: 1000\n",
                Map.of("FICUS_SAMPLE_PORT", "2000", "FICUS_SAMPLE_TAGS", "x, y"));
        assertThat(c.get(SAMPLE).port()).isEqualTo(2000);
        assertThat(c.get(SAMPLE).name()).isEqualTo("from-file");
        assertThat(c.get(SAMPLE).tags()).containsExactly("x", "y");
        assertThat(c.effectiveValues()).filteredOn(v -> v.key().equals("sample.port"))
                .singleElement().satisfies(v -> assertThat(v.origin()).isEqualTo("env FICUS_SAMPLE_PORT"));
    }

    @Test
    void aKeyIsSetByTheFileOrTheEnvironmentNeverByItsDefault() {
        LoadedConfig c = load("sample:\n  name: x\n  timeout: 500ms\n", Map.of("FICUS_SAMPLE_PORT", "2000"));
        assertThat(c.isSet("sample.name")).isTrue();
        assertThat(c.isSet("sample.timeout")).as("set to the default's value is still set").isTrue();
        assertThat(c.isSet("sample.port")).isTrue();
        assertThat(c.isSet("sample.mode")).isFalse();
        assertThat(c.isSet("sample.token")).isFalse();
        assertThat(c.isSet("sample.nothing")).isFalse();
    }

    @Test
    void badValueFromEnvironmentSaysSo() {
        assertThatThrownBy(() -> load("sample:\n  name: x\n", Map.of("FICUS_SAMPLE_ENABLED", "yes please")))
                .hasMessageContaining("sample.enabled").hasMessageContaining("from env FICUS_SAMPLE_ENABLED");
    }

    @Test
    void secretsAreMaskedInEffectiveValuesAndReadFromFiles(@TempDir Path dir) throws Exception {
        LoadedConfig c = load("sample:\n  name: x\n", Map.of("FICUS_SAMPLE_TOKEN", "s3cr3t-value"));
        assertThat(c.get(SAMPLE).token().reveal()).isEqualTo("s3cr3t-value");
        assertThat(c.get(SAMPLE).token().toString()).doesNotContain("s3cr3t");
        assertThat(c.effectiveValues()).noneMatch(v -> v.display().contains("s3cr3t"));

        Path file = Files.writeString(dir.resolve("token"), "from-file-secret\n");
        LoadedConfig fromFile = load("sample:\n  name: x\n  token_file: " + file + "\n", Map.of());
        assertThat(fromFile.get(SAMPLE).token().reveal()).isEqualTo("from-file-secret");
        assertThat(fromFile.effectiveValues()).noneMatch(v -> v.display().contains("from-file-secret"));
    }

    @Test
    void missingSecretFileIsAProblem() {
        assertThatThrownBy(() -> load("sample:\n  name: x\n  token_file: /nonexistent/token\n", Map.of()))
                .hasMessageContaining("sample.token_file").hasMessageContaining("cannot read secret file");
    }

    @Test
    void malformedYamlNamesTheLine() {
        assertThatThrownBy(() -> load("sample:\n  name: [x\n", Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not valid YAML").hasMessageContaining("line");
    }

    @Test
    void referenceListsEveryKeyWithItsDefault() {
        String md = ConfigReference.markdown(List.of(SAMPLE));
        assertThat(md).contains("| `sample.port` | port | 8000 | The port. |")
                .contains("| `sample.timeout` | duration | 500ms |")
                .contains("| `sample.mode` | one of: file, kubernetes, configmap_file | file |")
                .contains("`sample.token_file`")
                .contains("`sample.extra.*`");
    }

    @Test
    void secretComparesInConstantTimeAndNeverPrints() {
        Secret s = Secret.of("abc");
        assertThat(s.matches("abc")).isTrue();
        assertThat(s.matches("abd")).isFalse();
        assertThat(s.matches(null)).isFalse();
        assertThat(Secret.empty().matches("")).isFalse();
        assertThat(String.valueOf(s)).isEqualTo("****");
    }
}
