package dev.ficus.sync.handler;

import dev.ficus.sync.source.RowChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entities of one domain touched in the current batch, in first-touch order, each once. */
public final class PendingChanges {
    private final Map<Long, Pending> byId = new LinkedHashMap<>();
    private final Map<Long, RowChange> related = new LinkedHashMap<>();

    /** Marks the entity as changed by {@code row}; {@code entityImage} is the entity's own row when the row is it. */
    public void touch(long magentoId, RowChange row, Map<String, Object> entityImage) {
        byId.computeIfAbsent(magentoId, Pending::new).touch(row, entityImage);
    }

    public void touch(long magentoId, RowChange row) {
        touch(magentoId, row, null);
    }

    /**
     * Notes that a change to {@code magentoId} may change other entities too, which only the source can tell (a
     * configurable's record holds its children's option values); the handler looks them up before extraction
     * ({@link DomainHandler#touchRelated}) and touches them with {@code row}.
     */
    public void touchRelatedOf(long magentoId, RowChange row) {
        related.merge(magentoId, row, (a, b) -> b.position().compareTo(a.position()) >= 0 ? b : a);
    }

    /** Entities whose related entities are still to be looked up, with the latest row that changed each. */
    public Map<Long, RowChange> related() {
        return related;
    }

    public boolean isEmpty() {
        return byId.isEmpty() && related.isEmpty();
    }

    public int size() {
        return byId.size();
    }

    public List<Long> ids() {
        return new ArrayList<>(byId.keySet());
    }

    public Pending get(long id) {
        return byId.get(id);
    }

    public Iterable<Pending> all() {
        return byId.values();
    }
}
