package dev.ficus.sync.handler;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.events.EntityType;
import dev.ficus.sync.cascade.Reference;
import dev.ficus.sync.coalesce.Pending;
import dev.ficus.sync.coalesce.PendingChanges;
import dev.ficus.sync.decode.RowChange;
import dev.ficus.sync.eav.ExtractionException;
import dev.ficus.sync.eav.Reads;
import dev.ficus.sync.idmap.IdKey;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One domain of the sync (product, customer, order, stock): which row changes concern it, and how to read an
 * entity's current state. Events carry whole states read from the source at handling time, not the binlog row: so
 * changes to child rows (a value row, an address, an order item) and several changes in one batch all come down to
 * one re-read of the entity.
 */
public interface DomainHandler {

    EntityType entityType();

    /** Tables whose rows this handler looks at. */
    Set<String> tables();

    /**
     * Tables whose snapshot rows this handler uses: its entities' own tables. The snapshot reads no others (the
     * extraction reads the child rows of each entity), which spares reading and decoding every child row once more.
     */
    Set<String> snapshotTables();

    /**
     * Notes the entities {@code row} changes. Snapshot reads of child tables are ignored: the snapshot reads each
     * entity's own row too, and its extraction reads the children, so the snapshot yields one event per entity.
     */
    void collect(RowChange row, PendingChanges into);

    /**
     * Touches the entities that changes noted with {@link PendingChanges#touchRelatedOf} also change, looked up in
     * the source, read as {@code reads} says; runs on the same connection as {@link #extract}, just before it.
     */
    default void touchRelated(Connection magento, PendingChanges changes, Reads reads) throws SQLException {
    }

    /** The current records of the entities that exist; an id missing from the result is an entity that is gone. */
    Map<Long, ObjectNode> extract(Connection magento, List<Long> ids, Reads reads)
            throws SQLException, ExtractionException;

    /** Other entities whose UUIDs go into the record (a customer's addresses). */
    default List<IdKey> references(ObjectNode record) {
        return List.of();
    }

    /** Puts those UUIDs into the record. */
    default void attachReferences(ObjectNode record, Map<IdKey, UUID> ids) {
    }

    /**
     * Child columns whose foreign-key cascades (CASCADE, SET NULL) need nothing more: a row of that table leads to the
     * same entity as the parent row it refers to, whose own change is in the binlog and touches that entity already
     * (a product's value rows, an order's items).
     */
    default Set<Reference> followedThroughParent() {
        return Set.of();
    }

    /** Child columns whose cascades are deliberately not followed (ficus-sync's README says which and why). */
    default Set<Reference> notFollowed() {
        return Set.of();
    }

    /** What a delete event carries: the identifying columns of the entity row's last image. */
    ObjectNode deletedRecord(Pending pending);
}
