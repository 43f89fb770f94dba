package dev.ficus.services.runtime;

import dev.ficus.events.ChangeEvent;
import dev.ficus.events.EntityType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

/**
 * A read model's writer plus the store directory every service keeps: {@code store_directory} events replace the
 * group's store views, all others go to the read model's own writer.
 */
final class StoreDirectoryWriter implements ReadModelWriter {
    private final String group;
    private final ReadModelWriter domain;

    StoreDirectoryWriter(String group, ReadModelWriter domain) {
        this.group = group;
        this.domain = domain;
    }

    @Override
    public Set<EntityType> entityTypes() {
        Set<EntityType> types = EnumSet.of(EntityType.STORE_DIRECTORY);
        types.addAll(domain.entityTypes());
        return types;
    }

    @Override
    public void upsert(Connection c, ChangeEvent event) throws SQLException {
        if (event.entityType() == EntityType.STORE_DIRECTORY) {
            StoreDirectoryTable.replace(c, group, StoreDirectory.fromRecord(event.record()));
        } else {
            domain.upsert(c, event);
        }
    }

    /** The directory is never deleted (the sync publishes no such event); nothing to do if one came. */
    @Override
    public void delete(Connection c, ChangeEvent event) throws SQLException {
        if (event.entityType() != EntityType.STORE_DIRECTORY) {
            domain.delete(c, event);
        }
    }
}
