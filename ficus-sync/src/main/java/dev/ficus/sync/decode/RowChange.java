package dev.ficus.sync.decode;

import dev.ficus.events.SourcePosition;
import java.util.Map;

/**
 * One row change read from the binlog (or from the snapshot), reduced to what the handlers need: the table, what
 * happened, the row before and after (column name → value as Debezium delivers it; {@code null} where there is no
 * image) and the source position. A schema change ({@link Kind#SCHEMA}) travels in the same stream, in binlog order.
 */
public record RowChange(String table, Kind kind, Map<String, Object> before, Map<String, Object> after,
                        SourcePosition position, Map<String, Object> keyChange) {

    /**
     * A row change that is not half of a primary key change.
     *
     * <p>Debezium sends an update of a row's primary key as a DELETE of the old key followed by a CREATE of the new
     * one; {@code keyChange} marks both halves: on the DELETE it holds the new key's columns, on the CREATE the old
     * key's. The handlers see a delete and an insert (two entities, as far as ids go); foreign keys see an update of
     * the referenced key ({@code dev.ficus.sync.cascade}).
     */
    public RowChange(String table, Kind kind, Map<String, Object> before, Map<String, Object> after,
                     SourcePosition position) {
        this(table, kind, before, after, position, null);
    }

    public enum Kind {
        /** read by the snapshot */
        READ,
        CREATE,
        UPDATE,
        DELETE,
        /**
         * a DDL statement on a captured table (Debezium's schema change event): no row, no images; {@link #table()}
         * names the table when Debezium does, else it is empty
         */
        SCHEMA
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

    /** The DELETE half of a primary key update: the row lives on under another key. */
    public boolean isKeyChangeDelete() {
        return kind == Kind.DELETE && keyChange != null;
    }

    /** The old key's columns when this CREATE is the second half of a primary key update, else {@code null}. */
    public Map<String, Object> oldKey() {
        return kind == Kind.CREATE ? keyChange : null;
    }

    public boolean isSchemaChange() {
        return kind == Kind.SCHEMA;
    }
}
