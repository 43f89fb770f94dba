package dev.ficus.check;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.core.json.Json;
import dev.ficus.events.EntityType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The platform's side: the read models' rows and the id map, read only. */
final class PlatformSide implements AutoCloseable {
    private final HikariDataSource ds;

    PlatformSide(DatabaseEndpoint db, int connections) {
        HikariConfig c = new HikariConfig();
        c.setPoolName("check-platform");
        c.setJdbcUrl(db.postgresJdbcUrl());
        c.setUsername(db.user());
        c.setPassword(db.password().reveal());
        c.setMaximumPoolSize(connections);
        c.setMinimumIdle(1);
        c.setReadOnly(true);
        c.setConnectionTimeout(5_000);
        this.ds = new HikariDataSource(c);
    }

    DataSource dataSource() {
        return ds;
    }

    List<Long> allKeys(Target t) throws SQLException {
        return longs("SELECT " + t.key() + " FROM " + t.table() + " ORDER BY 1");
    }

    List<Long> sampleKeys(Target t, int n) throws SQLException {
        return longs("SELECT " + t.key() + " FROM " + t.table() + " ORDER BY random() LIMIT " + n);
    }

    long count(Target t) throws SQLException {
        return longs("SELECT COUNT(*) FROM " + t.table()).get(0);
    }

    /** Rows of the magento_id_map per entity type. */
    Map<String, Long> idMapCounts() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT entity_type, COUNT(*) FROM magento_id_map GROUP BY entity_type ORDER BY 1");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** The rows of {@code keys} that the table holds. */
    Map<Long, PlatformRow> rows(Target t, List<Long> keys) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ").append(t.key()).append(", ")
                .append(t.hasUuid() ? "id::text" : "NULL");
        for (String col : t.columns()) {
            sql.append(", ").append(col.endsWith("_at")
                    ? "to_char(" + col + " AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS')" : col + "::text");
        }
        sql.append(", record::text FROM ").append(t.table()).append(" WHERE ").append(t.key()).append(" = ANY(?)");
        Map<Long, PlatformRow> out = new HashMap<>(keys.size() * 2);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setArray(1, c.createArrayOf("bigint", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> columns = new LinkedHashMap<>();
                    int i = 3;
                    for (String col : t.columns()) {
                        columns.put(col, rs.getString(i++));
                    }
                    long key = rs.getLong(1);
                    out.put(key, new PlatformRow(key, rs.getString(2), columns, Json.read(rs.getString(i))));
                }
            }
        }
        return out;
    }

    /** The UUIDs the id map holds for those of {@code ids} it has. */
    Map<Long, String> uuids(EntityType type, Collection<Long> ids) throws SQLException {
        Map<Long, String> out = new HashMap<>(ids.size() * 2);
        if (ids.isEmpty()) {
            return out;
        }
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT magento_id, platform_uuid::text FROM magento_id_map WHERE entity_type = ? "
                        + "AND magento_id = ANY(?)")) {
            ps.setString(1, type.code());
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getLong(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private List<Long> longs(String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    @Override
    public void close() {
        ds.close();
    }
}
