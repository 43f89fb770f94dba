package dev.ficus.bench.sync;

import java.util.Locale;

/**
 * When a rate counts as sustained. A step of constant rate passes when
 * <ol>
 *   <li>the writers committed at least {@code minAchievedShare} of the rate asked (else the load generator or
 *       MariaDB, not the sync, is what was measured),</li>
 *   <li>every committed change was published before the step's deadline (its end plus a grace period), and</li>
 *   <li>p99 of commit → published stayed at or under {@code maxP99Ms}.</li>
 * </ol>
 * A pipeline that cannot keep up builds a backlog that grows for the whole step, so its latency grows without bound
 * and crosses any fixed p99 bound; one that keeps up has a p99 that does not depend on the step's length.
 */
public record SustainCriteria(double minAchievedShare, double maxP99Ms) {

    public static final SustainCriteria DEFAULT = new SustainCriteria(0.95, 250);

    public SustainCriteria {
        if (!(minAchievedShare > 0 && minAchievedShare <= 1)) {
            throw new IllegalArgumentException("the achieved share must be in (0, 1], was " + minAchievedShare);
        }
        if (!(maxP99Ms > 0)) {
            throw new IllegalArgumentException("the p99 bound must be more than 0 ms, was " + maxP99Ms);
        }
    }

    public StepOutcome judge(StreamStep step) {
        if (step.achievedPerSecond() < minAchievedShare * step.targetPerSecond()) {
            return StepOutcome.WRITER_BOUND;
        }
        if (step.missing() > 0 || step.latency().p99Ms() > maxP99Ms) {
            return StepOutcome.FELL_BEHIND;
        }
        return StepOutcome.SUSTAINED;
    }

    /** One sentence for the report. */
    public String describe() {
        return String.format(Locale.ROOT, "a rate is sustained when the writers commit at >= %.0f %% of it for the "
                        + "whole step, every change is published by the step's end plus the grace period, and p99 "
                        + "commit → published is <= %.0f ms; a pipeline that falls behind builds a backlog whose "
                        + "latency grows for as long as the step lasts, so it crosses that bound",
                minAchievedShare * 100, maxP99Ms);
    }
}
