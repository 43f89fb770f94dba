package dev.ficus.check;

import java.util.List;

/**
 * What the check found for one entity of one target.
 *
 * @param lagSeconds   the platform's {@code updated_at} minus Magento's, in seconds ({@code null} when either is
 *                     unknown)
 * @param sinceChange  seconds from Magento's {@code updated_at} to the check ({@code null} when unknown)
 * @param caughtUp     it differed at first and matched when read again after the lag limit (a change in flight)
 */
public record EntityResult(Target target, long magentoId, Status status, List<FieldDiff> diffs, Double lagSeconds,
                           Double sinceChange, boolean caughtUp) {

    public enum Status {
        /** the platform holds what Magento's state gives */
        MATCH,
        /** both hold it, some fields differ */
        DIFFERENT,
        /** Magento has it, the platform does not */
        MISSING,
        /** the platform has it, Magento does not (deleted in Magento, still in the platform) */
        EXTRA
    }

    public boolean matches() {
        return status == Status.MATCH;
    }

    EntityResult asCaughtUp() {
        return new EntityResult(target, magentoId, status, diffs, lagSeconds, sinceChange, true);
    }
}
