package dev.ficus.sync.handler;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.core.json.Json;
import dev.ficus.events.EntityType;
import dev.ficus.events.SourcePosition;
import dev.ficus.sync.coalesce.Pending;
import dev.ficus.sync.coalesce.PendingChanges;
import dev.ficus.sync.decode.RowChange;
import dev.ficus.sync.eav.JsonRows;
import dev.ficus.sync.eav.Reads;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shop's store directory: every row of {@code store}, {@code store_group} and {@code store_website}, as one
 * entity ({@code store_directory}, magento id {@value #DIRECTORY_ID}). The three tables hold a handful of rows and a
 * store code's meaning depends on all three (the default store view is the default website's default group's default
 * store), so any change to any of them re-reads and publishes the whole directory; consumers replace theirs.
 */
public final class StoreDirectoryHandler implements DomainHandler {
    /** The directory is a singleton. */
    public static final long DIRECTORY_ID = 0;
    private static final String STORE = "store";
    private static final String GROUP = "store_group";
    private static final String WEBSITE = "store_website";

    /**
     * A change that makes the pipeline publish the directory as it is at {@code at}, though no store table changed:
     * the sync sends it at every start of streaming, so that a service set up afresh, or a shop whose snapshot was
     * taken before the directory was captured, has it without waiting for a store view to change.
     */
    public static RowChange refreshAt(SourcePosition at) {
        return new RowChange(WEBSITE, RowChange.Kind.UPDATE, null, Map.of("website_id", 0), at);
    }

    @Override
    public EntityType entityType() {
        return EntityType.STORE_DIRECTORY;
    }

    @Override
    public Set<String> tables() {
        return Set.of(STORE, GROUP, WEBSITE);
    }

    @Override
    public Set<String> snapshotTables() {
        return Set.of(STORE, GROUP, WEBSITE);
    }

    /** The snapshot whose rows gave the directory already: the position every row of one snapshot shares. */
    private SourcePosition snapshotPublished;

    /**
     * Every streamed row gives a new directory. The rows of one snapshot give one: they all carry the snapshot's
     * position, the first extraction reads all three tables whole, and a second event at the same position would
     * not be newer for any consumer.
     */
    @Override
    public void collect(RowChange row, PendingChanges into) {
        if (row.isSnapshot()) {
            if (row.position().equals(snapshotPublished)) {
                return;
            }
            snapshotPublished = row.position();
        }
        into.touch(DIRECTORY_ID, row);
    }

    @Override
    public Map<Long, ObjectNode> extract(Connection magento, List<Long> ids, Reads reads) throws SQLException {
        ObjectNode directory = Json.mapper().createObjectNode();
        directory.set("websites", rows(magento, reads, WEBSITE, "website_id"));
        directory.set("groups", rows(magento, reads, GROUP, "group_id"));
        directory.set("stores", rows(magento, reads, STORE, "store_id"));
        return Map.of(DIRECTORY_ID, directory);
    }

    private static ArrayNode rows(Connection c, Reads reads, String table, String key) throws SQLException {
        ArrayNode out = Json.mapper().createArrayNode();
        try (PreparedStatement ps = c.prepareStatement(reads.sql("SELECT * FROM " + table + " ORDER BY " + key));
             ResultSet rs = ps.executeQuery()) {
            JsonRows rows = new JsonRows(rs, Set.of());
            while (rs.next()) {
                out.add(rows.row());
            }
        }
        return out;
    }

    /** Never used: the directory always exists (a shop without stores still has its tables). */
    @Override
    public ObjectNode deletedRecord(Pending pending) {
        return Json.mapper().createObjectNode();
    }
}
