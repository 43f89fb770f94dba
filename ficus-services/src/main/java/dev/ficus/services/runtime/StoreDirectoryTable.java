package dev.ficus.services.runtime;

import dev.ficus.services.runtime.StoreDirectory.StoreView;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A consumer group's copy of the store directory in {@code read_model_store_views}. */
final class StoreDirectoryTable {
    private StoreDirectoryTable() {
    }

    /** Replaces the group's store views with {@code directory}'s, in the caller's transaction. */
    static void replace(Connection c, String group, StoreDirectory directory) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM read_model_store_views WHERE consumer_group = ?")) {
            ps.setString(1, group);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO read_model_store_views "
                + "(consumer_group, code, store_id, website_id, is_default) VALUES (?, ?, ?, ?, ?)")) {
            for (StoreView v : directory.views()) {
                ps.setString(1, group);
                ps.setString(2, v.code());
                ps.setLong(3, v.storeId());
                ps.setLong(4, v.websiteId());
                ps.setBoolean(5, v.isDefault());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static StoreDirectory load(Connection c, String group) throws SQLException {
        List<StoreView> views = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code, store_id, website_id, is_default "
                + "FROM read_model_store_views WHERE consumer_group = ? ORDER BY store_id")) {
            ps.setString(1, group);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    views.add(new StoreView(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)));
                }
            }
        }
        return new StoreDirectory(views);
    }
}
