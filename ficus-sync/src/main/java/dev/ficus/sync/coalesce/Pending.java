package dev.ficus.sync.coalesce;

import dev.ficus.events.SourcePosition;
import dev.ficus.sync.decode.RowChange;
import java.util.Map;

/**
 * An entity touched by one or more row changes of the current batch: all of them become one extraction and one
 * event. It remembers the latest position (the event's), the latest row (named in a dead letter) and the entity row's
 * last image, which is all a delete event can carry once the row is gone.
 */
public final class Pending {
    private final long magentoId;
    private SourcePosition position;
    private RowChange lastRow;
    private Map<String, Object> lastImage;

    Pending(long magentoId) {
        this.magentoId = magentoId;
    }

    void touch(RowChange row, Map<String, Object> entityImage) {
        if (position == null || row.position().compareTo(position) >= 0) {
            position = row.position();
            lastRow = row;
        }
        if (entityImage != null) {
            lastImage = entityImage;
        }
    }

    public long magentoId() {
        return magentoId;
    }

    public SourcePosition position() {
        return position;
    }

    public RowChange lastRow() {
        return lastRow;
    }

    /** The entity's own row as last seen in the binlog, or {@code null} when only child rows changed. */
    public Map<String, Object> lastImage() {
        return lastImage;
    }
}
