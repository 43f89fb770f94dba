package dev.ficus.gateway.admin;

import dev.ficus.gateway.flag.FlagHistoryEntry;
import java.util.List;

/**
 * One flag as {@code ficus flags list} shows it: the value in the store, the rule in force, its state ({@code on},
 * {@code off}, {@code rollout}, {@code shadow}, {@code auto_disabled}), where it comes from, why a value was not
 * taken, its service, and its history.
 *
 * @param offLocally the gateway turned the flag off but could not write the store
 */
public record FlagView(String flag, String value, String rule, String state, String source, String problem,
                       boolean offLocally, ServiceView service, List<FlagHistoryEntry> history) {
    public FlagView {
        history = history == null ? List.of() : List.copyOf(history);
    }
}
