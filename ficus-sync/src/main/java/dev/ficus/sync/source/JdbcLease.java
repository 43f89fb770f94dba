package dev.ficus.sync.source;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.CRC32;

/**
 * The lease for JDBC offsets: a PostgreSQL session advisory lock, held on a connection of its own. PostgreSQL frees
 * it when the holder's session ends (process death, network loss), and the holder notices a lost session when its
 * renewal query fails.
 */
final class JdbcLease implements Lease {
    private final JdbcStore store;
    private final long lockId;
    private Connection connection;

    JdbcLease(JdbcStore store, String name) {
        this.store = store;
        CRC32 crc = new CRC32();
        crc.update(("ficus-sync:" + name).getBytes(StandardCharsets.UTF_8));
        this.lockId = crc.getValue();
    }

    @Override
    public synchronized boolean holdOrTake() {
        try {
            if (connection != null) {
                if (connection.isValid(5)) {
                    return true;
                }
                closeConnection();
            }
            Connection c = store.connect();
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, lockId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        connection = c;
                        return true;
                    }
                }
            }
            c.close();
            return false;
        } catch (SQLException e) {
            closeConnection();
            throw new IllegalStateException("cannot reach PostgreSQL for the lease: " + e.getMessage(), e);
        }
    }

    @Override
    public String holder() {
        return "the session holding PostgreSQL advisory lock " + lockId;
    }

    @Override
    public synchronized void close() {
        closeConnection();
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // the session is gone, and its lock with it
            }
            connection = null;
        }
    }
}
