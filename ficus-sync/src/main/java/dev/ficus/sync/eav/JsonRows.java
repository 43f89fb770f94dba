package dev.ficus.sync.eav;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Base64;
import java.util.Set;

/**
 * Copies result-set rows into JSON objects, column by column, whatever the columns are: a column added to a captured
 * table (ALTER TABLE … ADD COLUMN) shows up in the records without a code change. Integers become numbers, decimals
 * exact numbers, dates and times the text MariaDB stores (Magento's {@code 2026-11-25 10:00:00}, UTC for
 * TIMESTAMP columns because the session runs in UTC as Magento's own does), binary columns base64. NULL columns are
 * left out, as Magento's REST API leaves them out.
 */
public final class JsonRows {
    private final ResultSet rs;
    private final String[] names;
    private final int[] types;
    private final boolean[] skip;

    public JsonRows(ResultSet rs, Set<String> excluded) throws SQLException {
        this.rs = rs;
        ResultSetMetaData md = rs.getMetaData();
        int n = md.getColumnCount();
        names = new String[n];
        types = new int[n];
        skip = new boolean[n];
        for (int i = 0; i < n; i++) {
            names[i] = md.getColumnLabel(i + 1);
            types[i] = md.getColumnType(i + 1);
            skip[i] = excluded.contains(names[i]);
        }
    }

    /** The current row as an object. */
    public ObjectNode row() throws SQLException {
        ObjectNode o = Json.object();
        for (int i = 0; i < names.length; i++) {
            if (!skip[i]) {
                put(o, names[i], i + 1, types[i]);
            }
        }
        return o;
    }

    private void put(ObjectNode o, String name, int col, int type) throws SQLException {
        switch (type) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
                long v = rs.getLong(col);
                if (!rs.wasNull()) {
                    o.put(name, v);
                }
            }
            case Types.BIT, Types.BOOLEAN -> {
                long v = rs.getLong(col);
                if (!rs.wasNull()) {
                    o.put(name, v);
                }
            }
            case Types.DECIMAL, Types.NUMERIC -> {
                BigDecimal v = rs.getBigDecimal(col);
                if (v != null) {
                    o.put(name, v);
                }
            }
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
                double v = rs.getDouble(col);
                if (!rs.wasNull()) {
                    o.put(name, v);
                }
            }
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> {
                byte[] v = rs.getBytes(col);
                if (v != null) {
                    o.put(name, Base64.getEncoder().encodeToString(v));
                }
            }
            default -> {
                String v = rs.getString(col);
                if (v != null) {
                    o.put(name, v);
                }
            }
        }
    }
}
