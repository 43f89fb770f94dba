package dev.ficus.sync.eav;

/**
 * The source holds data the sync cannot turn into a record (for example a value row naming an attribute that does
 * not exist). Unlike a lost connection, trying again soon will not help: after the bounded retries the entity goes
 * to the dead letters.
 */
public class ExtractionException extends Exception {
    private final String table;
    private final long entityId;

    public ExtractionException(String table, long entityId, String message) {
        super(message);
        this.table = table;
        this.entityId = entityId;
    }

    public String table() {
        return table;
    }

    public long entityId() {
        return entityId;
    }
}
