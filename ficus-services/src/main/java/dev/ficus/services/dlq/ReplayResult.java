package dev.ficus.services.dlq;

/**
 * What replaying one dead letter did.
 *
 * @param id      the dead letter's id
 * @param outcome {@link Outcome#REPLAYED} with the new entry's id on the topic, or why not
 * @param detail  the new entry id, or the reason
 */
public record ReplayResult(String id, Outcome outcome, String detail) {
    public enum Outcome {
        /** Put back on its topic; the letter stays in migration.dlq (marked replayed) until dropped. */
        REPLAYED,
        /** No such entry in migration.dlq. */
        NOT_FOUND,
        /** The letter carries no event (the sync could not build one): it cannot be put back as it is. */
        NOT_REPLAYABLE
    }
}
