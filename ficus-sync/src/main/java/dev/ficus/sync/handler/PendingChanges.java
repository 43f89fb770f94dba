package dev.ficus.sync.handler;

import dev.ficus.sync.source.RowChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entities of one domain touched in the current batch, in first-touch order, each once. */
public final class PendingChanges {
    private final Map<Long, Pending> byId = new LinkedHashMap<>();

    /** Marks the entity as changed by {@code row}; {@code entityImage} is the entity's own row when the row is it. */
    public void touch(long magentoId, RowChange row, Map<String, Object> entityImage) {
        byId.computeIfAbsent(magentoId, Pending::new).touch(row, entityImage);
    }

    public void touch(long magentoId, RowChange row) {
        touch(magentoId, row, null);
    }

    public boolean isEmpty() {
        return byId.isEmpty();
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
