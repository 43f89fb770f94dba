package dev.ficus.sync.decode;

import dev.ficus.events.SourcePosition;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Turns Debezium's {@link SourceRecord}s into {@link RowChange}s. Records that are not row changes (heartbeats,
 * tombstones, transaction markers) give {@code null}: they only move the offset on.
 */
public final class RecordDecoder {
    private RecordDecoder() {
    }

    public static RowChange decode(SourceRecord record) {
        if (!(record.value() instanceof Struct value) || value.schema().field("op") == null
                || value.schema().field("source") == null) {
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
        return new RowChange(source.getString("table"), kind, columns(value.getStruct("before")),
                columns(value.getStruct("after")), position(source, kind, eventIndex(record)));
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
