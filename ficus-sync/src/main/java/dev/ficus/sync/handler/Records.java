package dev.ficus.sync.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import dev.ficus.sync.eav.InList;
import dev.ficus.sync.eav.JsonRows;
import dev.ficus.sync.eav.Reads;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Shared reads for the table-shaped domains: rows by id into records, child rows into arrays. */
final class Records {
    private Records() {
    }

    /** {@code SELECT * FROM table WHERE keyColumn IN (ids)} as records by key, in id order of the query. */
    static Map<Long, ObjectNode> byKey(Connection c, Reads reads, String table, String keyColumn, List<Long> ids,
                                       Set<String> excluded) throws SQLException {
        Map<Long, ObjectNode> out = new LinkedHashMap<>();
        for (List<Long> chunk : InList.chunks(ids)) {
            try (PreparedStatement ps = c.prepareStatement(reads.sql("SELECT * FROM " + table + " WHERE "
                    + keyColumn + " IN (" + InList.placeholders(chunk.size()) + ")"))) {
                InList.bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    JsonRows rows = new JsonRows(rs, excluded);
                    while (rs.next()) {
                        out.put(rs.getLong(keyColumn), rows.row());
                    }
                }
            }
        }
        return out;
    }

    /** Child rows grouped under their parent ids and attached to each parent record as array {@code field}. */
    static void attachChildren(Connection c, Reads reads, Map<Long, ObjectNode> parents, String table,
                               String parentColumn,
                               String orderColumn, String field) throws SQLException {
        Map<Long, ArrayNode> byParent = childrenByParent(c, reads, parents, table, parentColumn, orderColumn);
        parents.forEach((id, record) -> record.set(field, byParent.getOrDefault(id, Json.mapper().createArrayNode())));
    }

    /** The first child row (in {@code orderColumn} order) of each parent as object {@code field}; none, no field. */
    static void attachFirstChild(Connection c, Reads reads, Map<Long, ObjectNode> parents, String table,
                                 String parentColumn,
                                 String orderColumn, String field) throws SQLException {
        Map<Long, ArrayNode> byParent = childrenByParent(c, reads, parents, table, parentColumn, orderColumn);
        byParent.forEach((id, rows) -> parents.get(id).set(field, rows.get(0)));
    }

    private static Map<Long, ArrayNode> childrenByParent(Connection c, Reads reads, Map<Long, ObjectNode> parents,
                                                         String table,
                                                         String parentColumn, String orderColumn) throws SQLException {
        Map<Long, ArrayNode> byParent = new HashMap<>();
        List<Long> ids = List.copyOf(parents.keySet());
        for (List<Long> chunk : InList.chunks(ids)) {
            // ordered by parent first: the parent column's index then gives the order (InnoDB appends the primary
            // key to it); ordered by the child's id alone, the optimizer may walk the whole table in key order
            try (PreparedStatement ps = c.prepareStatement(reads.sql("SELECT * FROM " + table + " WHERE "
                    + parentColumn + " IN (" + InList.placeholders(chunk.size()) + ") ORDER BY " + parentColumn + ", "
                    + orderColumn))) {
                InList.bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    JsonRows rows = new JsonRows(rs, Set.of());
                    while (rs.next()) {
                        byParent.computeIfAbsent(rs.getLong(parentColumn), k -> Json.mapper().createArrayNode())
                                .add(rows.row());
                    }
                }
            }
        }
        return byParent;
    }

    /**
     * The identifying columns of a binlog row image (used for deletes, when the row can no longer be read). Only
     * those: Debezium encodes dates differently from the JDBC reads, and a delete needs no more than the keys.
     */
    static ObjectNode fromImage(Map<String, Object> image, List<String> included) {
        ObjectNode o = Json.object();
        if (image == null) {
            return o;
        }
        for (String k : included) {
            Object v = image.get(k);
            if (v == null) {
                continue;
            }
            if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
                o.put(k, ((Number) v).longValue());
            } else if (v instanceof BigDecimal d) {
                o.put(k, d);
            } else if (v instanceof Number n) {
                o.put(k, n.doubleValue());
            } else {
                o.put(k, v.toString());
            }
        }
        return o;
    }
}
