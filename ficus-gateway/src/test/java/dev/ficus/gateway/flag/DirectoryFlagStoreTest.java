package dev.ficus.gateway.flag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryFlagStoreTest {
    @TempDir
    Path dir;

    @Test
    void readsKeyFilesAndSkipsHiddenOnes() throws IOException {
        Files.writeString(dir.resolve("catalog_read"), "true\n");
        Files.writeString(dir.resolve(".catalog_read.123.tmp"), "false");
        DirectoryFlagStore store = new DirectoryFlagStore(dir);
        assertThat(store.read()).containsExactly(Map.entry("catalog_read", "true\n"));
    }

    /** Kubernetes mounts a ConfigMap as key links into ..data, a link to a timestamped directory that it swaps. */
    @Test
    void followsAConfigMapVolumeThroughItsDataLinkSwap() throws IOException {
        Path v1 = Files.createDirectory(dir.resolve("..2026_11_25_10_00_00.1"));
        Files.writeString(v1.resolve("catalog_read"), "false");
        Files.createSymbolicLink(dir.resolve("..data"), v1.getFileName());
        Files.createSymbolicLink(dir.resolve("catalog_read"), Path.of("..data", "catalog_read"));
        DirectoryFlagStore store = new DirectoryFlagStore(dir);
        assertThat(store.read()).containsEntry("catalog_read", "false");

        Path v2 = Files.createDirectory(dir.resolve("..2026_11_25_10_01_00.2"));
        Files.writeString(v2.resolve("catalog_read"), "true");
        Path newLink = dir.resolve("..data_tmp");
        Files.createSymbolicLink(newLink, v2.getFileName());
        Files.move(newLink, dir.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
        assertThat(store.read()).containsExactly(Map.entry("catalog_read", "true"));
    }

    @Test
    void updatesAreCompareAndSetAndWriteValueAndHistory() throws IOException {
        DirectoryFlagStore store = new DirectoryFlagStore(dir);
        Files.writeString(dir.resolve("order_read"), "true");
        Map<String, String> written = store.update(current -> {
            assertThat(current).containsEntry("order_read", "true");
            return Map.of("order_read", "false", "order_read.history", "[]");
        });
        assertThat(written).containsKeys("order_read", "order_read.history");
        assertThat(Files.readString(dir.resolve("order_read"))).isEqualTo("false\n");
        assertThat(store.update(current -> Map.of())).isEmpty();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tmp")).toList()).isEmpty();
        }
    }

    @Test
    void aMissingDirectoryIsUnreadable() {
        assertThatThrownBy(() -> new DirectoryFlagStore(dir.resolve("nope")).read()).isInstanceOf(IOException.class);
    }

    @Test
    void historyKeepsTheNewestEntries() throws IOException {
        String h = null;
        for (int i = 0; i < 5; i++) {
            h = FlagHistory.append(h, new FlagHistoryEntry("t" + i, "enable", "false", "true", "me", "r" + i, null), 3);
        }
        List<FlagHistoryEntry> entries = FlagHistory.parse(h);
        assertThat(entries).extracting(FlagHistoryEntry::reason).containsExactly("r2", "r3", "r4");
        assertThat(FlagHistory.append("not json", new FlagHistoryEntry("t", "enable", null, "true", "me", "r", null), 3))
                .startsWith("[{");
    }
}
