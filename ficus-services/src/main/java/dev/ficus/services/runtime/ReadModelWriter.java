package dev.ficus.services.runtime;

import dev.ficus.events.ChangeEvent;
import dev.ficus.events.EntityType;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/**
 * The write side of one read model: how an event changes its tables. The runtime calls it inside the batch's
 * transaction, only for an event newer than anything applied to the entity (the version guard decides), so an
 * implementation simply makes the tables hold the event's state: replace on upsert, remove on delete.
 *
 * <p>Any exception other than a transient database failure counts as a failed attempt of that event; after
 * {@code services.consumer.max_attempts} the event goes to {@code migration.dlq}.
 */
public interface ReadModelWriter {

    /** Entity types this read model applies; events of other types on its topics are acknowledged and skipped. */
    Set<EntityType> entityTypes();

    /** Makes the tables hold the entity as {@code event.record()} describes it (insert or replace). */
    void upsert(Connection c, ChangeEvent event) throws SQLException;

    /** Removes the entity; a delete of an entity that is not there is not an error. */
    void delete(Connection c, ChangeEvent event) throws SQLException;
}
