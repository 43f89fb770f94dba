package dev.ficus.gateway.flag;

import java.util.List;

/**
 * What the gateway knows about one flag: the value in the store ({@code null} when the key is missing), the rule in
 * force (the last good one when the value is invalid), why the value was not taken, and the history from the store.
 */
public record FlagState(String flag, String raw, FlagRule rule, String problem, List<FlagHistoryEntry> history,
                        String historyProblem) {
    public static FlagState initial(String flag) {
        return new FlagState(flag, null, FlagRule.OFF, null, List.of(), null);
    }
}
