package dev.ficus.sync.decode;

import dev.ficus.events.SourcePosition;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns Debezium's {@link SourceRecord}s into {@link RowChange}s. Records that are not row changes (heartbeats,
 * tombstones, transaction markers) give {@code null}: they only move the offset on.
 */
public final class RecordDecoder {
    /** Debezium's headers on the DELETE (new key) and CREATE (old key) it sends for an update of a primary key. */
    static final String NEW_KEY = "__debezium.newkey";
    static final String OLD_KEY = "__debezium.oldkey";

    private RecordDecoder() {
    }

    public static RowChange decode(SourceRecord record) {
        if (!(record.value() instanceof Struct value) || value.schema().field("source") == null) {
            return null;
        }
        if (value.schema().field("ddl") != null) {
            return schemaChange(record, value);
        }
        if (value.schema().field("op") == null) {
            return null;
        }
        Struct source = value.getStruct("source");
        RowChange.Kind kind = switch (value.getString("op")) {
            case "r" -> RowChange.Kind.READ;
            case "c" -> RowChange.Kind.CREATE;
            case "u" -> RowChange.Kind.UPDATE;
            case "d" -> RowChange.Kind.DELETE;
            default -> null;
        };
        if (kind == null) {
            return null;
        }
        Map<String, Object> keyChange = kind == RowChange.Kind.DELETE ? header(record, NEW_KEY)
                : kind == RowChange.Kind.CREATE ? header(record, OLD_KEY) : null;
        return new RowChange(source.getString("table"), kind, columns(value.getStruct("before")),
                columns(value.getStruct("after")), position(source, kind, eventIndex(record)), keyChange);
    }

    /** The key columns Debezium puts in a header of each half of a primary key update. */
    private static Map<String, Object> header(SourceRecord record, String name) {
        Header h = record.headers() == null ? null : record.headers().lastWithName(name);
        return h != null && h.value() instanceof Struct key ? columns(key) : null;
    }

    /** A DDL statement (include.schema.changes): it says only that the captured tables' definitions moved on. */
    private static RowChange schemaChange(SourceRecord record, Struct value) {
        Struct source = value.getStruct("source");
        String table = string(source, "table");
        return new RowChange(table == null ? "" : table, RowChange.Kind.SCHEMA, null, null,
                position(source, RowChange.Kind.SCHEMA, eventIndex(record)));
    }

    /**
     * The index of the row's binlog event within its transaction: the source's {@code pos} is the transaction's
     * start for every row of it, and only the offset counts the events since ({@code event}).
     */
    private static long eventIndex(SourceRecord record) {
        Object event = record.sourceOffset() == null ? null : record.sourceOffset().get("event");
        return event instanceof Number n ? n.longValue() : 0;
    }

    static SourcePosition position(Struct source, RowChange.Kind kind, long event) {
        String file = string(source, "file");
        Object snapshot = source.schema().field("snapshot") == null ? null : source.get("snapshot");
        boolean isSnapshot = kind == RowChange.Kind.READ
                || snapshot != null && !"false".equals(snapshot.toString());
        return new SourcePosition(file == null ? "" : file, number(source, "pos"), event, number(source, "row"),
                string(source, "gtid"), number(source, "ts_ms"), isSnapshot);
    }

    /** Debezium's snapshot marker: {@code last} on the very last row of the snapshot. */
    public static boolean isLastSnapshotRecord(SourceRecord record) {
        if (record.value() instanceof Struct value && value.schema().field("source") != null) {
            Struct source = value.getStruct("source");
            Object s = source.schema().field("snapshot") == null ? null : source.get("snapshot");
            return s != null && "last".equals(s.toString());
        }
        return false;
    }

    /**
     * True when the record was read while streaming the binlog (a row change or a heartbeat), not by a snapshot: its
     * offset carries no {@code snapshot} flag and its source says no snapshot either.
     */
    public static boolean isStreamed(SourceRecord record) {
        Map<String, ?> offset = record.sourceOffset();
        if (offset == null || offset.isEmpty()) {
            return false;
        }
        Object flag = offset.get("snapshot");
        if (flag != null && !"false".equals(flag.toString())) {
            return false;
        }
        if (record.value() instanceof Struct value && value.schema().field("source") != null) {
            Struct source = value.getStruct("source");
            Object s = source.schema().field("snapshot") == null ? null : source.get("snapshot");
            return s == null || "false".equals(s.toString());
        }
        return true;
    }

    /** Where the record's offset says the source stands (file, position, event, row), for records without a row. */
    public static SourcePosition offsetPosition(SourceRecord record) {
        Map<String, ?> o = record.sourceOffset() == null ? Map.of() : record.sourceOffset();
        Object file = o.get("file");
        Object gtids = o.get("gtids");
        return new SourcePosition(file == null ? "" : file.toString(), longOf(o.get("pos")), longOf(o.get("event")),
                longOf(o.get("row")), gtids == null ? null : gtids.toString(), longOf(o.get("ts_sec")) * 1000, false);
    }

    private static long longOf(Object v) {
        return v instanceof Number n ? n.longValue() : 0;
    }

    private static Map<String, Object> columns(Struct row) {
        if (row == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Field f : row.schema().fields()) {
            out.put(f.name(), row.get(f));
        }
        return out;
    }

    private static String string(Struct s, String field) {
        if (s.schema().field(field) == null) {
            return null;
        }
        Object v = s.get(field);
        return v == null ? null : v.toString();
    }

    private static long number(Struct s, String field) {
        if (s.schema().field(field) == null) {
            return 0;
        }
        Object v = s.get(field);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
