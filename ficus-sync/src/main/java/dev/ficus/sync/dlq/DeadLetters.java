package dev.ficus.sync.dlq;

import dev.ficus.core.json.Json;
import dev.ficus.events.DeadLetter;
import dev.ficus.events.EntityType;
import dev.ficus.sync.coalesce.Pending;
import dev.ficus.sync.decode.RowChange;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the dead letter for an entity whose change could not be turned into an event. */
public final class DeadLetters {
    private DeadLetters() {
    }

    public static DeadLetter of(EntityType type, Pending pending, Throwable error, int attempts) {
        RowChange row = pending.lastRow();
        return new DeadLetter(row.table(), Json.write(key(row)), type, pending.magentoId(), type.topic(),
                pending.position(), describe(error), attempts, Instant.now());
    }

    /** The row's identifying columns: the primary or natural key columns Magento's tables use. */
    static Map<String, Object> key(RowChange row) {
        Map<String, Object> key = new LinkedHashMap<>();
        Map<String, Object> r = row.row();
        if (r == null) {
            return key;
        }
        for (String column : new String[] {"value_id", "item_id", "entity_id", "attribute_id", "store_id", "product_id",
                "parent_id", "order_id", "website_id", "category_id"}) {
            if (r.containsKey(column)) {
                key.put(column, r.get(column));
            }
        }
        return key;
    }

    public static String describe(Throwable e) {
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }
}
