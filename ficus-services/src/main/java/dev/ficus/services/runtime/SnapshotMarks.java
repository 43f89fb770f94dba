package dev.ficus.services.runtime;

import dev.ficus.events.CloudEventCodec;
import dev.ficus.events.SnapshotMark;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/**
 * Which of a service's topics it has applied up to the sync's end-of-snapshot mark ({@link SnapshotMark}), kept in
 * {@code read_model_snapshot_marks} per consumer group. Until every topic has its mark the service is catching up,
 * however small its lag: a search must not answer from a partial snapshot. The rows outlive restarts, and instances
 * of a service share them (an instance that has not seen a mark itself asks the table again).
 *
 * <p>A mark is an entry of its own on the topic, not a change: the consumer loop takes it out of the batch
 * ({@link #split}), applies the rest, and then records the mark, so everything before it on the topic was applied.
 */
public final class SnapshotMarks {
    private final String group;
    private final List<String> topics;
    private final DataSource dataSource;
    private final Set<String> marked = ConcurrentHashMap.newKeySet();

    public SnapshotMarks(String group, List<String> topics, DataSource dataSource) {
        this.group = group;
        this.topics = List.copyOf(topics);
        this.dataSource = dataSource;
    }

    /** A batch split into the marks and the changes. */
    public record Split(List<Delivery> marks, List<Delivery> changes) {
    }

    public static Split split(List<Delivery> batch) {
        List<Delivery> marks = new ArrayList<>();
        List<Delivery> changes = new ArrayList<>(batch.size());
        for (Delivery d : batch) {
            (CloudEventCodec.isSnapshotMark(d.record().data()) ? marks : changes).add(d);
        }
        return marks.isEmpty() ? new Split(List.of(), batch) : new Split(marks, changes);
    }

    /** The topics without a mark applied, as last known. */
    public Set<String> missing() {
        Set<String> out = new LinkedHashSet<>();
        for (String t : topics) {
            if (!marked.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** Reads the marks from the table again (at start, and while some are missing: another instance may have one). */
    public Set<String> refresh() throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT topic FROM read_model_snapshot_marks WHERE consumer_group = ?")) {
            ps.setString(1, group);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    marked.add(rs.getString(1));
                }
            }
        }
        return missing();
    }

    /** Records that everything up to these marks is applied (called once the batch they came in has committed). */
    public void record(List<Delivery> marks) throws SQLException {
        if (marks.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO read_model_snapshot_marks (consumer_group, topic, stream_id, marked_at) "
                             + "VALUES (?, ?, ?, ?) ON CONFLICT (consumer_group, topic) DO NOTHING")) {
            for (Delivery d : marks) {
                ps.setString(1, group);
                ps.setString(2, d.record().topic());
                ps.setString(3, d.record().id());
                ps.setTimestamp(4, Timestamp.from(markedAt(d)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        for (Delivery d : marks) {
            marked.add(d.record().topic());
        }
    }

    private static java.time.Instant markedAt(Delivery d) {
        try {
            return CloudEventCodec.decodeSnapshotMark(d.record().data()).at();
        } catch (RuntimeException e) {
            return java.time.Instant.now();
        }
    }
}
