package dev.ficus.gateway.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestFlagStoreTest {
    @TempDir
    Path dir;

    @Test
    void readsDataOfAConfigMapManifestWhateverTheYamlTypes() throws IOException {
        Path file = dir.resolve("flags.yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: feature-flags
                  namespace: production
                data:
                  catalog_read: true
                  customer_read: "10%"
                  order_read: "false"
                """);
        assertThat(new ManifestFlagStore(file).read()).containsExactly(
                Map.entry("catalog_read", "true"), Map.entry("customer_read", "10%"), Map.entry("order_read", "false"));
    }

    @Test
    void writesKeepTheRestOfTheManifest() throws IOException {
        Path file = dir.resolve("flags.yaml");
        Files.writeString(file, """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: feature-flags
                  labels:
                    app: ficus
                data:
                  catalog_read: "true"
                """);
        ManifestFlagStore store = new ManifestFlagStore(file);
        store.update(current -> Map.of("catalog_read", "false", "catalog_read.history", "[{\"action\":\"x\"}]"));
        Map<String, String> data = store.read();
        assertThat(data).containsEntry("catalog_read", "false").containsEntry("catalog_read.history",
                "[{\"action\":\"x\"}]");
        assertThat(Files.readString(file)).contains("app: ficus").contains("name: feature-flags");
    }

    @Test
    void anotherKindOfManifestIsUnreadable() throws IOException {
        Path file = dir.resolve("flags.yaml");
        Files.writeString(file, "kind: Secret\ndata: {}\n");
        assertThatThrownBy(() -> new ManifestFlagStore(file).read()).hasMessageContaining("not a ConfigMap");
    }
}
