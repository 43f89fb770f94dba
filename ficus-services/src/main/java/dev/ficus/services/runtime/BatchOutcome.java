package dev.ficus.services.runtime;

import java.util.List;

/**
 * What applying one batch came to, after its transaction committed.
 *
 * @param done      entries to acknowledge: applied, or skipped because older than what was applied, duplicates,
 *                  superseded in the batch, or not for this read model
 * @param failed    entries whose apply failed and that have attempts left: not acknowledged, tried again later
 * @param exhausted entries that failed their last attempt: to the dead letters, then acknowledged
 * @param applied   how many events changed the read model
 * @param skipped   how many changed nothing
 */
public record BatchOutcome(List<Delivery> done, List<FailedDelivery> failed, List<FailedDelivery> exhausted,
                           int applied, int skipped) {
}
