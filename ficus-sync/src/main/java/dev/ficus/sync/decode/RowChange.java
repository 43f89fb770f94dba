package dev.ficus.sync.decode;

import dev.ficus.events.SourcePosition;
import java.util.Map;

/**
 * One row change read from the binlog (or from the snapshot), reduced to what the handlers need: the table, what
 * happened, the row before and after (column name → value as Debezium delivers it; {@code null} where there is no
 * image) and the source position.
 */
public record RowChange(String table, Kind kind, Map<String, Object> before, Map<String, Object> after,
                        SourcePosition position) {

    public enum Kind {
        /** read by the snapshot */
        READ,
        CREATE,
        UPDATE,
        DELETE
    }

    /** The row as it is now: the after image, or the before image for a delete. */
    public Map<String, Object> row() {
        return after != null ? after : before;
    }

    /** A column of {@link #row()} as a long, or {@code null} when absent. */
    public Long longValue(String column) {
        Object v = row() == null ? null : row().get(column);
        return v instanceof Number n ? n.longValue() : v == null ? null : Long.parseLong(v.toString());
    }

    public boolean isSnapshot() {
        return kind == Kind.READ;
    }
}
