package dev.ficus.magento.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small JDBC helpers: rows as column maps (date and time columns as the text MySQL prints, so no time zone
 * conversion can creep in), updates with positional parameters, and Magento's notion of "now" (UTC, whole seconds).
 */
public final class Rows {
    private static final DateTimeFormatter SQL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Rows() {
    }

    public static String nowUtc() {
        return SQL_TIME.format(LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    public static List<Map<String, Object>> query(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Map<String, Object>> out = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= md.getColumnCount(); i++) {
                        int type = md.getColumnType(i);
                        boolean temporal = type == Types.TIMESTAMP || type == Types.DATE || type == Types.TIME
                                || type == Types.TIMESTAMP_WITH_TIMEZONE;
                        row.put(md.getColumnLabel(i), temporal ? rs.getString(i) : rs.getObject(i));
                    }
                    out.add(row);
                }
                return out;
            }
        }
    }

    public static List<Map<String, Object>> query(Connection c, String sql, Object... params) throws SQLException {
        return query(c, sql, List.of(params));
    }

    public static Map<String, Object> one(Connection c, String sql, Object... params) throws SQLException {
        List<Map<String, Object>> rows = query(c, sql, List.of(params));
        return rows.isEmpty() ? null : rows.get(0);
    }

    public static long count(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    public static int update(Connection c, String sql, List<?> params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    public static int update(Connection c, String sql, Object... params) throws SQLException {
        return update(c, sql, java.util.Arrays.asList(params));
    }

    /** Inserts one row and returns its generated key. */
    public static long insert(Connection c, String table, Map<String, ?> columns) throws SQLException {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns.keySet()) + ") VALUES ("
                + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
        try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(ps, new ArrayList<>(columns.values()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        }
    }

    public static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static void bind(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
