package dev.ficus.sync.extract;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ficus.sync.coalesce.PendingChanges;
import dev.ficus.sync.handler.DomainHandler;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the extract stage read for one handler's changes: the records by Magento id (an entity without one was
 * deleted) and the ids that went to the dead letters instead.
 */
public final class Extracted {
    private final DomainHandler handler;
    private final PendingChanges changes;
    private final Map<Long, ObjectNode> records;
    private final Set<Long> deadLettered = new HashSet<>();

    Extracted(DomainHandler handler, PendingChanges changes, Map<Long, ObjectNode> records) {
        this.handler = handler;
        this.changes = changes;
        this.records = records;
    }

    public DomainHandler handler() {
        return handler;
    }

    public PendingChanges changes() {
        return changes;
    }

    public Map<Long, ObjectNode> records() {
        return records;
    }

    public boolean deadLettered(long magentoId) {
        return deadLettered.contains(magentoId);
    }

    void deadLetter(long magentoId) {
        deadLettered.add(magentoId);
    }
}
