package dev.ficus.services.runtime;

import dev.ficus.events.EntityType;
import java.util.Comparator;
import java.util.Objects;

/** Names one Magento entity: its type and Magento id. Version rows are keyed (and locked, in this order) by it. */
public record EntityKey(EntityType type, long magentoId) implements Comparable<EntityKey> {
    private static final Comparator<EntityKey> ORDER = Comparator
            .comparing((EntityKey k) -> k.type().code())
            .thenComparingLong(EntityKey::magentoId);

    public EntityKey {
        Objects.requireNonNull(type, "type");
    }

    @Override
    public int compareTo(EntityKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return type.code() + "/" + magentoId;
    }
}
