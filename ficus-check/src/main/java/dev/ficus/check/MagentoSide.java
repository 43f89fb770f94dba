package dev.ficus.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import dev.ficus.core.config.DatabaseEndpoint;
import dev.ficus.events.EntityType;
import dev.ficus.sync.eav.AttributeCatalog;
import dev.ficus.sync.eav.Reads;
import dev.ficus.sync.extract.MagentoConnections;
import dev.ficus.sync.handler.DomainHandler;
import dev.ficus.sync.handler.Handlers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Magento's side: which entities exist, and their records as the sync builds them, with the sync's own handlers
 * (its extract stage's record builders) on connections set up as the sync's. Reads are plain consistent snapshots
 * ({@link Reads#SNAPSHOT}): the check takes no locks on the shop's rows.
 */
final class MagentoSide implements AutoCloseable {
    private final HikariDataSource ds;
    private final Map<EntityType, DomainHandler> handlers = new EnumMap<>(EntityType.class);

    MagentoSide(DatabaseEndpoint db, int connections) {
        this.ds = MagentoConnections.pool("check-magento", db, Reads.SNAPSHOT, 5, connections);
        for (DomainHandler h : Handlers.all(new AttributeCatalog())) {
            handlers.put(h.entityType(), h);
        }
    }

    DataSource dataSource() {
        return ds;
    }

    DomainHandler handler(EntityType type) {
        return handlers.get(type);
    }

    /** Every entity's id, ascending. */
    List<Long> allIds(Target t) throws SQLException {
        return ids("SELECT DISTINCT " + t.magentoKey() + " FROM " + t.magentoTable() + " ORDER BY 1");
    }

    /** Up to {@code n} entity ids picked at random. */
    List<Long> sampleIds(Target t, int n) throws SQLException {
        return ids("SELECT k FROM (SELECT DISTINCT " + t.magentoKey() + " AS k FROM " + t.magentoTable()
                + ") d ORDER BY RAND() LIMIT " + n);
    }

    long count(Target t) throws SQLException {
        return ids("SELECT COUNT(DISTINCT " + t.magentoKey() + ") FROM " + t.magentoTable()).get(0);
    }

    long countDistinct(String table, String column) throws SQLException {
        return ids("SELECT COUNT(DISTINCT " + column + ") FROM " + table).get(0);
    }

    /** The records of those of {@code ids} that exist, as the sync would publish them (references not attached). */
    Map<Long, ObjectNode> records(Target t, List<Long> ids) throws SQLException {
        try (Connection c = ds.getConnection()) {
            Reads.SNAPSHOT.prepare(c);
            try {
                Map<Long, ObjectNode> out = handler(t.entityType()).extract(c, ids, Reads.SNAPSHOT);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } catch (Exception e) {
                c.rollback();
                throw new SQLException("extracting " + t.entityType().code() + " records: " + e.getMessage(), e);
            }
        }
    }

    private List<Long> ids(String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            c.commit();
        }
        return out;
    }

    @Override
    public void close() {
        ds.close();
    }
}
