package dev.ficus.sync.source;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;
import org.apache.kafka.connect.util.SafeObjectInputStream;

/**
 * Debezium offsets in a file on this host ({@code sync.offsets.file}), written so that a crash cannot lose them.
 *
 * <p>Kafka's own file store rewrites the file in place and reads a truncated or empty file as "no offsets": a sync
 * killed in the middle of a write took a whole new snapshot on restart. Here each write goes to a temporary file,
 * is forced to disk, and replaces the old file in one atomic rename, so the file always holds the last complete
 * flush. A file that is damaged anyway (a disk fault, a hand edit) stops the start with the path and what to do,
 * rather than silently snapshotting again. Files written by Kafka's store are read as they are (migration).
 */
public class AtomicFileOffsetBackingStore extends MemoryOffsetBackingStore {
    static final String FILE_KEY = "offset.storage.file.filename";
    private static final byte[] MAGIC = "FICUS-OFFSETS 1\n".getBytes(StandardCharsets.US_ASCII);
    /** Java serialization's stream header: the first bytes of a file Kafka's FileOffsetBackingStore wrote. */
    private static final byte[] JAVA_SERIALIZATION = {(byte) 0xAC, (byte) 0xED};

    private Path file;

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        file = Path.of(RedisOffsetBackingStore.require(config.originalsStrings(), FILE_KEY));
    }

    @Override
    public synchronized void start() {
        // read first: a damaged file must stop the start before the store's writer thread exists
        Map<ByteBuffer, ByteBuffer> offsets = read(file);
        super.start();
        data.putAll(offsets);
    }

    @Override
    protected void save() {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream raw = Channels.newOutputStream(channel);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
                out.write(MAGIC);
                out.writeInt(data.size());
                for (Map.Entry<ByteBuffer, ByteBuffer> e : data.entrySet()) {
                    writeBytes(out, e.getKey());
                    writeBytes(out, e.getValue());
                }
                out.flush();
                channel.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // this flush fails; the engine commits again at the next flush, and the file keeps the last complete one
            throw new ConnectException("cannot write the offsets file " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        // only Kafka Connect's REST offsets API asks for this; the embedded engine does not
        return Set.of();
    }

    /** The offsets in {@code file}: none when it does not exist; an error saying what to do when it is damaged. */
    static Map<ByteBuffer, ByteBuffer> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            throw new ConnectException("cannot read the offsets file " + file + ": " + e.getMessage(), e);
        }
        try {
            if (startsWith(bytes, JAVA_SERIALIZATION)) {
                return readKafkaFormat(bytes);
            }
            if (!startsWith(bytes, MAGIC)) {
                throw new IOException(bytes.length == 0 ? "the file is empty" : "it does not start with "
                        + new String(MAGIC, StandardCharsets.US_ASCII).strip());
            }
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, MAGIC.length,
                    bytes.length - MAGIC.length));
            int n = in.readInt();
            if (n < 0) {
                throw new IOException("negative entry count " + n);
            }
            Map<ByteBuffer, ByteBuffer> offsets = new HashMap<>();
            for (int i = 0; i < n; i++) {
                offsets.put(readBytes(in), readBytes(in));
            }
            if (in.available() > 0) {
                throw new IOException(in.available() + " bytes after the last entry");
            }
            return offsets;
        } catch (EOFException e) {
            throw damaged(file, "it ends in the middle of an entry", e);
        } catch (IOException | ClassNotFoundException | ClassCastException e) {
            throw damaged(file, e.getMessage(), e);
        }
    }

    private static ConnectException damaged(Path file, String why, Exception cause) {
        return new ConnectException("the offsets file " + file + " is damaged (" + why + "). It was left as it is: "
                + "restore it from a backup to resume where the sync stopped, or move it away to take a new snapshot "
                + "(every row is published again; the services apply each version once).", cause);
    }

    @SuppressWarnings("unchecked")
    private static Map<ByteBuffer, ByteBuffer> readKafkaFormat(byte[] bytes)
            throws IOException, ClassNotFoundException {
        try (SafeObjectInputStream in = new SafeObjectInputStream(new ByteArrayInputStream(bytes))) {
            Map<byte[], byte[]> raw = (Map<byte[], byte[]>) in.readObject();
            Map<ByteBuffer, ByteBuffer> offsets = new HashMap<>();
            raw.forEach((k, v) -> offsets.put(k == null ? null : ByteBuffer.wrap(k),
                    v == null ? null : ByteBuffer.wrap(v)));
            return offsets;
        }
    }

    private static void writeBytes(DataOutputStream out, ByteBuffer b) throws IOException {
        if (b == null) {
            out.writeInt(-1);
            return;
        }
        ByteBuffer dup = b.duplicate();
        byte[] bytes = new byte[dup.remaining()];
        dup.get(bytes);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static ByteBuffer readBytes(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.available()) {
            throw new IOException("an entry of " + length + " bytes where " + in.available() + " are left");
        }
        byte[] bytes = new byte[length];
        in.readFully(bytes);
        return ByteBuffer.wrap(bytes);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
