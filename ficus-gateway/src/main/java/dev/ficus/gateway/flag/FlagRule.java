package dev.ficus.gateway.flag;

import java.util.List;

/**
 * A parsed flag value: which reads of a domain go to its service. See docs/flags.md for the grammar.
 *
 * @param percent share of callers (0–100) for ROLLOUT, share of reads shadowed for SHADOW
 */
public record FlagRule(Mode mode, double percent, List<Cohort> cohorts, String text) {
    public enum Mode {
        /** Every read goes to Magento. */
        OFF,
        /** Every read goes to the service. */
        ON,
        /** Reads of some callers (a sticky percentage and/or cohorts) go to the service. */
        ROLLOUT,
        /** Magento answers; the service gets a copy whose answer is compared. */
        SHADOW
    }

    public static final FlagRule OFF = new FlagRule(Mode.OFF, 0, List.of(), "false");

    /** True when some reads may be answered by the service: the state that auto-disable protects. */
    public boolean routesReads() {
        return mode == Mode.ON || mode == Mode.ROLLOUT;
    }

    public boolean needsCustomerId() {
        return cohorts.stream().anyMatch(c -> c instanceof Cohort.Customers) || (mode == Mode.ROLLOUT && percent > 0);
    }

    /** Whether this caller's reads go to the service (ON/ROLLOUT) or are shadowed (SHADOW). */
    public boolean selects(String flag, Caller caller) {
        return switch (mode) {
            case OFF -> false;
            case ON -> true;
            case ROLLOUT -> cohorts.stream().anyMatch(c -> c.matches(caller)) || Buckets.within(flag, caller, percent);
            case SHADOW -> percent >= 100 || Buckets.within(flag, caller, percent);
        };
    }

    /** A short description for {@code ficus flags list}. */
    public String describe() {
        return switch (mode) {
            case OFF -> "off";
            case ON -> "on";
            case SHADOW -> percent >= 100 ? "shadow" : "shadow " + Buckets.formatPercent(percent);
            case ROLLOUT -> {
                List<String> parts = new java.util.ArrayList<>();
                if (percent > 0) {
                    parts.add(Buckets.formatPercent(percent));
                }
                cohorts.forEach(c -> parts.add(c.toString()));
                yield "rollout " + String.join(" + ", parts);
            }
        };
    }
}
