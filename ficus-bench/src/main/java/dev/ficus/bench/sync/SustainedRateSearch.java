package dev.ficus.bench.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Finds the highest sustained rate: ramps geometrically from {@code start} (x {@code factor} per step) until a step
 * is not sustained or the next rate would pass {@code max}, then halves the interval between the last sustained and
 * the first failing rate {@code refinements} times. Rates are whole changes per second.
 */
public record SustainedRateSearch(int start, int max, double factor, int refinements) {

    public SustainedRateSearch {
        if (start < 1 || max < start) {
            throw new IllegalArgumentException("the ramp needs 1 <= start <= max, was start " + start + ", max " + max);
        }
        if (!(factor > 1)) {
            throw new IllegalArgumentException("the ramp factor must be more than 1, was " + factor);
        }
        if (refinements < 0) {
            throw new IllegalArgumentException("refinements cannot be negative, was " + refinements);
        }
    }

    /** One step tried and what it gave. */
    public record Tried(int rate, StepOutcome outcome) {
    }

    /**
     * @param sustained   the highest rate that was sustained, or 0 when not even {@code start} was
     * @param firstFailed the lowest rate that was not sustained, or 0 when every rate up to {@code max} was
     * @param stoppedBy   why the ramp stopped ({@code null} when it reached {@code max} with every step sustained)
     * @param steps       every step, in the order run
     */
    public record Result(int sustained, int firstFailed, StepOutcome stoppedBy, List<Tried> steps) {

        /** One phrase for the report, e.g. {@code 4,000 changes/s (6,000 fell behind)}. */
        public String describe() {
            if (stoppedBy == null) {
                return String.format(Locale.ROOT,
                        ">= %,d changes/s (every step up to the ramp's maximum was sustained)", sustained);
            }
            String why = stoppedBy == StepOutcome.WRITER_BOUND ? "the writers could not commit" : "fell behind";
            if (sustained == 0) {
                return String.format(Locale.ROOT, "< %,d changes/s (%,d/s %s)", firstFailed, firstFailed, why);
            }
            return String.format(Locale.ROOT, "%,d changes/s (%,d/s %s)", sustained, firstFailed, why);
        }
    }

    /** Runs steps through {@code step} (one constant-rate measurement per call) and returns what it found. */
    public Result run(IntFunction<StepOutcome> step) {
        List<Tried> steps = new ArrayList<>();
        int sustained = 0;
        int failed = 0;
        StepOutcome stoppedBy = null;
        int rate = start;
        while (true) {
            StepOutcome outcome = step.apply(rate);
            steps.add(new Tried(rate, outcome));
            if (outcome != StepOutcome.SUSTAINED) {
                failed = rate;
                stoppedBy = outcome;
                break;
            }
            sustained = rate;
            long next = Math.round(rate * factor);
            if (next > max) {
                if (rate == max) {
                    break;
                }
                next = max;
            }
            rate = (int) next;
        }
        for (int i = 0; i < refinements && stoppedBy != null && sustained > 0; i++) {
            int middle = (sustained + failed) / 2;
            if (middle <= sustained || middle >= failed) {
                break;
            }
            StepOutcome outcome = step.apply(middle);
            steps.add(new Tried(middle, outcome));
            if (outcome == StepOutcome.SUSTAINED) {
                sustained = middle;
            } else {
                failed = middle;
                stoppedBy = outcome;
            }
        }
        return new Result(sustained, failed, stoppedBy, List.copyOf(steps));
    }
}
