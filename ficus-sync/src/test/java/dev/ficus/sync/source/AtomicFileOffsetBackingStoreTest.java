package dev.ficus.sync.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.debezium.embedded.EmbeddedWorkerConfig;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.FileOffsetBackingStore;
import org.apache.kafka.connect.storage.OffsetBackingStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileOffsetBackingStoreTest {
    private static final ByteBuffer KEY = bytes("[\"ficus\",{\"server\":\"ficus\"}]");
    private static final ByteBuffer FIRST = bytes("{\"file\":\"mysql-bin.000003\",\"pos\":154}");
    private static final ByteBuffer SECOND = bytes("{\"file\":\"mysql-bin.000003\",\"pos\":9876}");

    @TempDir
    Path dir;

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static EmbeddedWorkerConfig config(Path file) {
        return new EmbeddedWorkerConfig(new java.util.HashMap<>(Map.of(AtomicFileOffsetBackingStore.FILE_KEY, file.toString())));
    }

    private static AtomicFileOffsetBackingStore started(Path file) {
        AtomicFileOffsetBackingStore store = new AtomicFileOffsetBackingStore();
        store.configure(config(file));
        store.start();
        return store;
    }

    private static void write(OffsetBackingStore store, ByteBuffer value) throws Exception {
        store.set(Map.of(KEY, value), null).get(10, TimeUnit.SECONDS);
    }

    /** One run of the store that flushes {@code values} in turn and stops. */
    private static void run(Path file, ByteBuffer... values) throws Exception {
        AtomicFileOffsetBackingStore store = started(file);
        for (ByteBuffer v : values) {
            write(store, v);
        }
        store.stop();
    }

    private static ByteBuffer stored(Path file) throws Exception {
        AtomicFileOffsetBackingStore store = started(file);
        try {
            return store.get(List.of(KEY)).get(10, TimeUnit.SECONDS).get(KEY);
        } finally {
            store.stop();
        }
    }

    @Test
    void offsetsSurviveARestartAndAMissingFileMeansNone() throws Exception {
        Path file = dir.resolve("offsets.dat");
        assertThat(stored(file)).isNull();
        run(file, FIRST, SECOND);
        assertThat(stored(file)).isEqualTo(SECOND);
    }

    @Test
    void aCrashWhileWritingLeavesTheLastCompleteFlush() throws Exception {
        Path file = dir.resolve("offsets.dat");
        run(file, FIRST);
        // killed half-way through the next write: only the temporary file is torn
        Files.write(dir.resolve("offsets.dat.tmp"), new byte[] {'F', 'I', 'C'});
        assertThat(stored(file)).isEqualTo(FIRST);
        // and the next write goes through as usual
        run(file, SECOND);
        assertThat(stored(file)).isEqualTo(SECOND);
    }

    @Test
    void aDamagedFileStopsTheStartAndSaysWhatToDo() throws Exception {
        Path file = dir.resolve("offsets.dat");
        run(file, FIRST);
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length - 5));
        assertThatThrownBy(() -> started(file)).isInstanceOf(ConnectException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("damaged")
                .hasMessageContaining("move it away to take a new snapshot");
        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> started(file)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("the file is empty");
    }

    @Test
    void aFileWrittenByKafkasOwnStoreIsReadAsItIs() throws Exception {
        Path file = dir.resolve("kafka-offsets.dat");
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", "false"), true);
        FileOffsetBackingStore kafka = new FileOffsetBackingStore(converter);
        kafka.configure(config(file));
        kafka.start();
        write(kafka, FIRST);
        kafka.stop();

        assertThat(stored(file)).isEqualTo(FIRST);
        run(file, SECOND);
        assertThat(Files.readAllBytes(file)).startsWith("FICUS-OFFSETS 1\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(stored(file)).isEqualTo(SECOND);
    }
}
