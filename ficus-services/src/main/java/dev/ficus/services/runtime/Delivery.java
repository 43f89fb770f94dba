package dev.ficus.services.runtime;

import dev.ficus.core.stream.StreamRecord;

/**
 * One stream entry handed to the applier, and whether it was delivered before (a retry or an entry taken over from
 * another consumer), in which case it may have failed attempts on record.
 */
public record Delivery(StreamRecord record, boolean redelivered) {

    /** {@code topic/id}: unique per entry. */
    public String key() {
        return record.topic() + "/" + record.id();
    }
}
