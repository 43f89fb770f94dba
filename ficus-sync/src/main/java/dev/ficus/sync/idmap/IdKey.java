package dev.ficus.sync.idmap;

import dev.ficus.events.EntityType;

/** A Magento entity as the id map knows it: its type and its integer id. */
public record IdKey(EntityType type, long magentoId) implements Comparable<IdKey> {
    @Override
    public int compareTo(IdKey o) {
        int c = type.code().compareTo(o.type.code());
        return c != 0 ? c : Long.compare(magentoId, o.magentoId);
    }
}
