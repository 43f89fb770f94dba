package dev.ficus.sync.source;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.runtime.WorkerConfig;
import org.apache.kafka.connect.storage.MemoryOffsetBackingStore;

/**
 * Debezium offsets in a PostgreSQL table ({@code <prefix>_offsets}: offset_key, offset_value, updated_at), written
 * as one transaction per flush. A failed write fails that offset commit only; the next flush writes everything again.
 */
public class JdbcOffsetBackingStore extends MemoryOffsetBackingStore {
    private JdbcStore store;

    @Override
    public void configure(WorkerConfig config) {
        super.configure(config);
        Map<String, String> o = config.originalsStrings();
        String p = OffsetStores.OFFSET_PREFIX;
        store = new JdbcStore(RedisOffsetBackingStore.require(o, p + OffsetStores.JDBC_URL),
                RedisOffsetBackingStore.require(o, p + OffsetStores.JDBC_USER), o.get(p + OffsetStores.JDBC_PASSWORD),
                RedisOffsetBackingStore.require(o, p + OffsetStores.JDBC_TABLE));
    }

    @Override
    public synchronized void start() {
        super.start();
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + store.table() + " (offset_key text PRIMARY KEY, "
                    + "offset_value text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())");
            try (ResultSet rs = s.executeQuery("SELECT offset_key, offset_value FROM " + store.table())) {
                while (rs.next()) {
                    data.put(bytes(rs.getString(1)), bytes(rs.getString(2)));
                }
            }
        } catch (SQLException e) {
            throw new ConnectException("cannot read offsets from table " + store.table() + ": " + e.getMessage(), e);
        }
    }

    @Override
    protected void save() {
        try (Connection c = store.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement up = c.prepareStatement("INSERT INTO " + store.table()
                    + " (offset_key, offset_value) VALUES (?, ?) ON CONFLICT (offset_key) DO UPDATE SET "
                    + "offset_value = EXCLUDED.offset_value, updated_at = now()");
                 PreparedStatement del = c.prepareStatement("DELETE FROM " + store.table() + " WHERE offset_key = ?")) {
                for (Map.Entry<ByteBuffer, ByteBuffer> e : data.entrySet()) {
                    if (e.getValue() == null) {
                        del.setString(1, text(e.getKey()));
                        del.addBatch();
                    } else {
                        up.setString(1, text(e.getKey()));
                        up.setString(2, text(e.getValue()));
                        up.addBatch();
                    }
                }
                up.executeBatch();
                del.executeBatch();
            }
            c.commit();
        } catch (SQLException e) {
            throw new ConnectException("cannot write offsets to table " + store.table() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Set<Map<String, Object>> connectorPartitions(String connectorName) {
        return Set.of();
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ByteBuffer b) {
        ByteBuffer dup = b.duplicate();
        byte[] out = new byte[dup.remaining()];
        dup.get(out);
        return new String(out, StandardCharsets.UTF_8);
    }
}
