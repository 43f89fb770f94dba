package dev.ficus.services.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Counts failed applies per stream entry in {@code read_model_failures}, in the batch's transaction, so the count
 * survives a restart and is shared by every instance of the service: an entry taken over from a dead instance goes
 * on from the attempts it had.
 */
public final class FailureLedger {
    private static final int MAX_ERROR_LENGTH = 2000;

    private final String group;

    public FailureLedger(String group) {
        this.group = group;
    }

    /** Adds one failed attempt and returns the attempts so far. */
    public int recordFailure(Connection c, String topic, String streamId, String error) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO read_model_failures (consumer_group, topic, stream_id, attempts, last_error) "
                        + "VALUES (?, ?, ?, 1, ?) ON CONFLICT (consumer_group, topic, stream_id) DO UPDATE "
                        + "SET attempts = read_model_failures.attempts + 1, last_error = EXCLUDED.last_error, "
                        + "last_failed_at = now() RETURNING attempts")) {
            upsert.setString(1, group);
            upsert.setString(2, topic);
            upsert.setString(3, streamId);
            upsert.setString(4, truncate(error));
            try (ResultSet rs = upsert.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** Forgets the failures of entries that are done (applied, skipped or dead-lettered). */
    public void clear(Connection c, Collection<Delivery> deliveries) throws SQLException {
        if (deliveries.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement(
                "DELETE FROM read_model_failures WHERE consumer_group = ? AND topic = ? AND stream_id = ?")) {
            for (Delivery d : deliveries) {
                delete.setString(1, group);
                delete.setString(2, d.record().topic());
                delete.setString(3, d.record().id());
                delete.addBatch();
            }
            delete.executeBatch();
        }
    }

    static String truncate(String error) {
        String e = error == null ? "" : error;
        return e.length() <= MAX_ERROR_LENGTH ? e : e.substring(0, MAX_ERROR_LENGTH);
    }
}
