package dev.ficus.services.runtime;

import dev.ficus.events.ChangeEvent;

/**
 * An entry whose apply failed: how many times now (across restarts and instances) and why, the last time.
 *
 * @param event the decoded event, or {@code null} when the entry could not be decoded
 */
public record FailedDelivery(Delivery delivery, ChangeEvent event, int attempts, String error) {
}
