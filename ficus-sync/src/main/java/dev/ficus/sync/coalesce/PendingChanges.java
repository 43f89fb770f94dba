package dev.ficus.sync.coalesce;

import dev.ficus.sync.decode.RowChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entities of one domain touched in the current batch, in first-touch order, each once. */
public final class PendingChanges {
    private final Map<Long, Pending> byId = new LinkedHashMap<>();
    private final Map<String, Map<Long, RowChange>> related = new LinkedHashMap<>();

    /** Marks the entity as changed by {@code row}; {@code entityImage} is the entity's own row when the row is it. */
    public void touch(long magentoId, RowChange row, Map<String, Object> entityImage) {
        byId.computeIfAbsent(magentoId, Pending::new).touch(row, entityImage);
    }

    public void touch(long magentoId, RowChange row) {
        touch(magentoId, row, null);
    }

    /**
     * Notes that {@code row} changes the entities that {@code key} leads to, which only the source can tell (a
     * configurable's record holds its children's option values; a label row names only its super attribute): the
     * handler looks them up by {@code kind} before extraction ({@link DomainHandler#touchRelated}) and touches them
     * with {@code row}.
     */
    public void touchRelatedOf(String kind, long key, RowChange row) {
        related.computeIfAbsent(kind, k -> new LinkedHashMap<>())
                .merge(key, row, (a, b) -> b.position().compareTo(a.position()) >= 0 ? b : a);
    }

    /** The keys of one kind still to be looked up, each with the latest row that named it. */
    public Map<Long, RowChange> related(String kind) {
        return related.getOrDefault(kind, Map.of());
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
